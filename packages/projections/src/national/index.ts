export * from './national.js'
export * from './national-aggregate.js'
export * from './dhis2-mapping.js'
