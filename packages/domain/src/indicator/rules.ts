import { TreguesiError } from '@treguesi/errors'
import { compare, type Decimal } from '../shared/decimal.js'
import { assertYearInPlan, yearOf, type Period } from '../shared/period.js'
import type { NationalUnit } from '../national-indicator/commands.js'
import { revisableUnits } from './commands.js'
import type { IndicatorDefinition } from './events.js'
import type { DefinedIndicator } from './state.js'
import type { IndicatorUnit, Target, TargetPeriod } from './vocabulary.js'

const zero = '0' as Decimal

/** Why `value` cannot be a figure of `unit`, or null when it can. */
function unitProblem(unit: IndicatorUnit, value: Decimal): string | null {
  switch (unit) {
    case 'text':
      return 'a text indicator has no numeric figures'
    case 'milestone':
      return value === '0' || value === '1' ? null : 'a milestone is 1 (achieved) or 0 (not achieved)'
    case 'percent':
      return compare(value, zero) >= 0 && compare(value, '100' as Decimal) <= 0
        ? null
        : 'a percentage of a population lies between 0 and 100'
    case 'count':
    case 'amount':
    case 'ratio':
      if (compare(value, zero) < 0) return 'must not be negative'
      // Decimals are canonical, so a whole number has no point.
      return unit === 'count' && value.includes('.') ? 'a count is a whole number' : null
  }
}

export function assertUnit(definition: IndicatorDefinition, value: Decimal, field: string): void {
  const problem = unitProblem(definition.unit, value)
  if (problem !== null) throw new TreguesiError('TRG_UNIT_MISMATCH', { field, unit: definition.unit, problem })
}

export function assertInPlan(definition: IndicatorDefinition, period: Period): void {
  assertYearInPlan(definition.planPeriod, yearOf(period), 'period', period)
}

/**
 * A baseline is measured before the plan or during it (data collection often starts late), never
 * after its last year: such a figure would be a result, not a starting point.
 */
export function assertBaselineYear(definition: IndicatorDefinition, year: number): void {
  assertYearInPlan(definition.planPeriod, year, 'year', String(year), 'allowed')
}

/**
 * A unit is revised between count, percent and ratio only, and only while no figure (baseline,
 * target, value) is recorded in it: those were checked against the unit they were given in.
 */
export function assertUnitRevisable(command: string, indicator: DefinedIndicator): void {
  const { definition, baseline, targets, values } = indicator
  if (!(revisableUnits as readonly string[]).includes(definition.unit)) {
    throw invalid(command, 'unit', `a ${definition.unit} indicator's unit is not revised: define a new indicator`)
  }
  if (definition.nationalCode !== undefined) {
    throw new TreguesiError('TRG_INVALID_STATE', {
      entity: 'indicator',
      id: definition.indicatorId,
      state: `tied to national indicator ${definition.nationalCode}`,
      action: 'given another unit',
    })
  }
  if (baseline !== null || Object.keys(targets).length > 0 || Object.keys(values).length > 0) {
    throw new TreguesiError('TRG_INVALID_STATE', {
      entity: 'indicator',
      id: definition.indicatorId,
      state: 'with figures recorded in its unit',
      action: 'given another unit',
    })
  }
}

/**
 * An indicator counts towards a national indicator of its own unit only: the national figure adds
 * its values (or, for a percentage, its counts). `nationalUnit` is the catalogue's, absent when the
 * catalogue has no such code.
 */
export function assertTiedUnit(unit: IndicatorUnit, nationalCode: string, nationalUnit: NationalUnit | undefined): void {
  if (nationalUnit === undefined) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'national indicator', id: nationalCode })
  if (unit !== nationalUnit) {
    throw new TreguesiError('TRG_UNIT_MISMATCH', {
      field: 'nationalCode',
      unit,
      problem: `national indicator ${nationalCode} is in ${nationalUnit}: only indicators in ${nationalUnit} count towards it`,
    })
  }
}

export function invalid(command: string, field: string, problem: string): TreguesiError<'TRG_INVALID_COMMAND'> {
  return new TreguesiError('TRG_INVALID_COMMAND', { command, field, problem })
}

export function assertTarget(definition: IndicatorDefinition, period: TargetPeriod, target: Target): void {
  const { unit, direction } = definition
  if (unit === 'text') {
    throw new TreguesiError('TRG_UNIT_MISMATCH', {
      field: 'target',
      unit,
      problem: 'a text indicator has no targets; state a qualitative aim as a milestone indicator',
    })
  }
  if ((unit === 'milestone') !== (target.kind === 'milestone')) {
    throw new TreguesiError('TRG_UNIT_MISMATCH', {
      field: 'target.kind',
      unit,
      problem:
        unit === 'milestone' ? 'a milestone indicator takes a milestone target' : 'a milestone target is only for milestone indicators',
    })
  }
  if ((direction === 'within-band') !== (target.kind === 'band')) {
    throw invalid(
      'SetTarget',
      'target.kind',
      direction === 'within-band' ? 'must be band for a within-band indicator' : 'must not be band: the indicator is not within-band',
    )
  }
  switch (target.kind) {
    case 'absolute':
      assertUnit(definition, target.value, 'target.value')
      return
    case 'range':
    case 'band':
      assertUnit(definition, target.lower, 'target.lower')
      assertUnit(definition, target.upper, 'target.upper')
      return
    case 'relative':
      if (period === 'end-of-plan' && target.over === 'previous-period') {
        throw invalid('SetTarget', 'target.over', 'must be baseline for an end-of-plan target: the plan has no previous period')
      }
      return
    case 'milestone':
      return
  }
}
