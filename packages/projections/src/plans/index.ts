export * from './plans-projection.js'
export * from './indicator-figures.js'
export * from './plan-selectors.js'
export * from './small-cells.js'
