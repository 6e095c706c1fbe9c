export * from './projection.js'
