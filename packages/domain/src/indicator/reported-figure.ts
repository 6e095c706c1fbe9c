import { TreguesiError } from '@treguesi/errors'
import { compare, divide, isZero, multiply, round, sum, type Decimal } from '../shared/decimal.js'
import { correctionKeptFields, type IndicatorCommand } from './commands.js'
import type { IndicatorDefinition, ReportedValue } from './events.js'
import type { IndicatorUnit } from './vocabulary.js'
import { assertUnit, invalid } from './rules.js'

type Report = Extract<IndicatorCommand, { type: 'ReportIndicatorValue' }>
type Correction = Extract<IndicatorCommand, { type: 'CorrectIndicatorValue' }>
type FigureCommand = Report | Correction

/**
 * How a dimension's parts must stand to the total: add up to it, add up to no more than it (a
 * dimension that breaks out some groups only), or neither.
 */
function partsRule(unit: IndicatorUnit, exhaustive: boolean): 'equal' | 'at-most' | null {
  // Shares of a population's parts do not add up to the share of the whole, nor a ratio's parts
  // to the ratio: only counts and amounts are sums of their parts.
  if (unit !== 'count' && unit !== 'amount') return null
  return exhaustive ? 'equal' : 'at-most'
}

/**
 * Checks a reported or corrected figure against the definition, except the period rules.
 * `figure` is what would be recorded: for a correction, with what it keeps of the previous figure,
 * which is checked as if given and refused with a word on what to give instead.
 */
export function assertFigure(definition: IndicatorDefinition, command: FigureCommand, figure: ReportedValue): void {
  const { unit } = definition
  if (figure.text !== undefined && unit !== 'text') {
    throw new TreguesiError('TRG_UNIT_MISMATCH', { field: 'text', unit, problem: 'must be reported as a value, not text' })
  }
  if (figure.value !== undefined) assertUnit(definition, figure.value, 'value')
  if (figure.numerator !== undefined) assertCounts(definition, command, figure)
  for (const [dimension, parts] of Object.entries(figure.breakdown ?? {})) {
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
    const rule = partsRule(unit, declared.exhaustive)
    if (rule === null) continue
    // Only numeric units declare dimensions, and those were refused text above: a value is given.
    const total = figure.value as Decimal
    const partsSum = sum(Object.values(parts))
    const order = compare(partsSum, total)
    if (rule === 'equal' ? order === 0 : order <= 0) continue
    if (command.breakdown === undefined) {
      throw invalid(
        command.type,
        'breakdown',
        `kept from the figure corrected adds up by ${dimension} to ${partsSum}, ${rule === 'equal' ? 'not to' : 'more than'} the corrected total ${total}: give the breakdown with the correction, or null to drop it`,
      )
    }
    throw new TreguesiError('TRG_BREAKDOWN_MISMATCH', { indicatorId: command.indicatorId, dimension, total, sum: partsSum, rule })
  }
}

/** A percent's counts must be a real share and must give the percent reported, as rounded. */
function assertCounts(definition: IndicatorDefinition, command: FigureCommand, figure: ReportedValue): void {
  // Counts come in pairs, given or kept: the schema and the figure they were recorded with say so.
  const numerator = figure.numerator as Decimal
  const denominator = figure.denominator as Decimal
  if (definition.unit !== 'percent') {
    throw new TreguesiError('TRG_UNIT_MISMATCH', {
      field: 'numerator',
      unit: definition.unit,
      problem: 'numerator and denominator are only for percent indicators',
    })
  }
  if (isZero(denominator)) throw invalid(command.type, 'denominator', 'must be more than 0')
  // The schema makes a percent give a value, not text.
  const value = figure.value as Decimal
  const places = value.split('.')[1]?.length ?? 0
  const share = round(multiply(divide(numerator, denominator), '100' as Decimal), places)
  if (compare(share, value) === 0) return
  const problem = `must be numerator / denominator × 100, which is ${share} at this precision`
  throw invalid(
    command.type,
    'value',
    command.numerator === undefined
      ? `${problem} for the counts kept from the figure corrected (${numerator} of ${denominator}): give the counts for the corrected percent, or null for both to drop them`
      : problem,
  )
}

/** A figure's fields as a command gives them, left out when undefined. */
type GivenFigure = { readonly [Field in keyof ReportedValue]?: ReportedValue[Field] | undefined }

export function figureOf(given: GivenFigure): ReportedValue {
  const { value, text, breakdown, numerator, denominator, source, note } = given
  return {
    ...(value !== undefined && { value }),
    ...(text !== undefined && { text }),
    ...(breakdown !== undefined && { breakdown }),
    // The schema gives both counts or neither, and so did every figure recorded.
    ...(numerator !== undefined && { numerator, denominator: denominator as Decimal }),
    ...(source !== undefined && { source }),
    ...(note !== undefined && { note }),
  }
}

/**
 * The figure a correction leaves: the previous one with the fields the correction names laid over
 * it, null removing a field. The value or text is always named (see the command).
 */
export function correctedFigure(previous: ReportedValue, command: Correction): ReportedValue {
  const kept = Object.fromEntries(
    correctionKeptFields.map((field) => [field, command[field] === undefined ? previous[field] : (command[field] ?? undefined)]),
  ) as GivenFigure
  return figureOf({ ...kept, value: command.value, text: command.text })
}
