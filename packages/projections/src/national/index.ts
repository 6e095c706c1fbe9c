export * from './national.js'
export * from './national-aggregate.js'
