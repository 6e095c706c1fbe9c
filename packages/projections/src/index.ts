export * from './projection.js'
export * from './plans/index.js'
export * from './budgets/index.js'
export * from './national/index.js'
