import { TreguesiError } from '@treguesi/errors'
import { compare, divide, isZero, multiply, round, sum, type Decimal } from '../shared/decimal.js'
import type { IndicatorCommand } from './commands.js'
import type { IndicatorDefinition, ReportedValue } from './events.js'
import { assertUnit, invalid } from './rules.js'

type FigureCommand = Extract<IndicatorCommand, { type: 'ReportIndicatorValue' | 'CorrectIndicatorValue' }>

/** Checks a reported or corrected figure against the definition, except the period rules. */
export function assertFigure(definition: IndicatorDefinition, command: FigureCommand): void {
  const { unit } = definition
  if (command.text !== undefined && unit !== 'text') {
    throw new TreguesiError('TRG_UNIT_MISMATCH', { field: 'text', unit, problem: 'must be reported as a value, not text' })
  }
  if (command.value !== undefined) assertUnit(definition, command.value, 'value')
  if (command.numerator !== undefined) assertCounts(definition, command)
  for (const [dimension, parts] of Object.entries(command.breakdown ?? {})) {
    const declared = definition.disaggregations.find((disaggregation) => disaggregation.dimension === dimension)
    if (declared === undefined) {
      throw invalid(command.type, `breakdown.${dimension}`, 'is not a disaggregation of this indicator')
    }
    for (const [category, part] of Object.entries(parts)) {
      if (!declared.categories.includes(category)) {
        throw invalid(
          command.type,
          `breakdown.${dimension}.${category}`,
          `is not a category of ${dimension} (${declared.categories.join(', ')})`,
        )
      }
      assertUnit(definition, part, `breakdown.${dimension}.${category}`)
    }
    // Shares of a population's parts do not add up to the share of the whole.
    if (declared.exhaustive && unit !== 'percent') {
      // Only numeric units declare dimensions, and those were refused text above: a value is given.
      const total = command.value as Decimal
      const partsSum = sum(Object.values(parts))
      if (compare(partsSum, total) !== 0) {
        throw new TreguesiError('TRG_BREAKDOWN_MISMATCH', {
          indicatorId: command.indicatorId,
          dimension,
          total,
          sum: partsSum,
        })
      }
    }
  }
}

/** A percent's counts must be a real share and must give the percent reported, as rounded. */
function assertCounts(definition: IndicatorDefinition, command: FigureCommand): void {
  const numerator = command.numerator as Decimal
  const denominator = command.denominator as Decimal
  if (definition.unit !== 'percent') {
    throw new TreguesiError('TRG_UNIT_MISMATCH', {
      field: 'numerator',
      unit: definition.unit,
      problem: 'numerator and denominator are only for percent indicators',
    })
  }
  if (isZero(denominator)) throw invalid(command.type, 'denominator', 'must be more than 0')
  // The schema makes a percent give a value, not text.
  const value = command.value as Decimal
  const places = value.split('.')[1]?.length ?? 0
  const share = round(multiply(divide(numerator, denominator), '100' as Decimal), places)
  if (compare(share, value) !== 0) {
    throw invalid(command.type, 'value', `must be numerator / denominator × 100, which is ${share} at this precision`)
  }
}

export function figureOf(command: FigureCommand): ReportedValue {
  const { value, text, breakdown, numerator, denominator, source, note } = command
  return {
    ...(value !== undefined && { value }),
    ...(text !== undefined && { text }),
    ...(breakdown !== undefined && { breakdown }),
    // The schema gives both counts or neither.
    ...(numerator !== undefined && { numerator, denominator: denominator as Decimal }),
    ...(source !== undefined && { source }),
    ...(note !== undefined && { note }),
  }
}
