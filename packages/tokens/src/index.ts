export * from './claims.js'
export * from './tokens.js'
