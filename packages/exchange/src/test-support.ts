import { readFileSync } from 'node:fs'
import type { Decimal, IndicatorDefinition, Period } from '@treguesi/domain'
import type { IndicatorFigures, TargetView, ValueView } from '@treguesi/projections'
import type { ExportedPlan, FigureRow, FigureSource } from './figure-rows.js'

/**
 * Builders for the exchange package's specs: indicator figures written out literally (typed, so a
 * change of the read model's shape breaks the specs at compile time), a source over them, rows,
 * and the standards' example of SDMX-CSV the export is held to.
 */

/** A valid UUID numbered `n`, so specs can name ids by number. */
export const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`

export const d = (text: string): Decimal => text as Decimal
export const period = (text: string): Period => text as Period

/** A count indicator of a plan of Elbasan 2024–2027, changed by `changes`. */
export function definition(indicatorId: string, planId: string, changes: Partial<IndicatorDefinition> = {}): IndicatorDefinition {
  return {
    indicatorId,
    planId,
    municipality: 'ELB',
    attachedTo: { kind: 'objective', id: uuid(999) },
    code: '1.1/T1',
    name: { sq: 'Numri i pjesëmarrësve' },
    unit: 'count',
    direction: 'higher-is-better',
    accumulation: 'per-period',
    disaggregations: [],
    planPeriod: { from: 2024, to: 2027 },
    ...changes,
  }
}

/** A period's figure as reported once, changed by `changes` (a value left out by setting it so). */
export function value(at: string, changes: Partial<ValueView> = {}): ValueView {
  return { period: period(at), computed: false, corrections: 0, ...changes }
}

/** What a period's figures say of its target: the target resolved (null: unresolved) and the attainment. */
export interface PeriodTarget {
  readonly target: Decimal | null
  readonly attainment: Decimal | null
}

/** One indicator as a source gives it: `definition` null when its figures are null (not in the read model). */
export interface SourceIndicator {
  readonly planId: string
  readonly indicatorId: string
  readonly definition: IndicatorDefinition | null
  readonly values: readonly ValueView[]
  /** By period. */
  readonly targets?: Readonly<Record<string, PeriodTarget>>
}

function targetView(at: Period, { target }: PeriodTarget): TargetView {
  return target === null
    ? {
        period: at,
        appliesTo: at,
        target: { kind: 'relative', changePercent: d('10'), over: 'baseline' },
        resolved: { value: null, reason: 'no-baseline' },
      }
    : { period: at, appliesTo: at, target: { kind: 'absolute', value: target }, resolved: { kind: 'value', value: target, reason: null } }
}

/** The figures of an indicator for `at` (its latest value's period when not given), as the read model gives them. */
export function indicatorFigures(
  def: IndicatorDefinition,
  values: readonly ValueView[],
  targets: Readonly<Record<string, PeriodTarget>> = {},
  at?: Period,
): IndicatorFigures {
  const chosen = at ?? values.at(-1)!.period
  const view = values.find((candidate) => candidate.period === chosen)!
  const target = targets[chosen]
  const actual = view.value === undefined ? { value: null, reason: 'no-actual' as const } : { value: view.value, reason: null }
  const attainment = target?.attainment == null ? { value: null, reason: 'no-target' as const } : { value: target.attainment, reason: null }
  return {
    indicatorId: def.indicatorId,
    definition: def,
    sensitive: false,
    baseline: null,
    baselineWithheld: false,
    targets: Object.entries(targets).map(([targetPeriod, given]) => targetView(period(targetPeriod), given)),
    values,
    corrections: values.reduce((total, each) => total + each.corrections, 0),
    period: chosen,
    periodChoice: at === undefined ? 'latest-with-actual' : 'requested',
    actual,
    target: target === undefined ? null : targetView(chosen, target),
    attainment,
    progress: { value: null, reason: 'no-baseline' },
    rating: attainment.value === null ? { value: 'no-data', reason: attainment.reason } : { value: 'achieved', reason: null },
  }
}

/**
 * A source over plans and indicators held in memory; `calls` records each `figures` call. An
 * indicator with a definition has at least one value; the figures of one it does not hold are an error.
 */
export function memorySource(
  plans: readonly ExportedPlan[],
  indicators: readonly SourceIndicator[],
): FigureSource & { readonly calls: [string, Period | undefined][] } {
  const calls: [string, Period | undefined][] = []
  return {
    calls,
    plans: () => plans,
    indicatorsOf: (planId) => indicators.filter((indicator) => indicator.planId === planId).map((indicator) => indicator.indicatorId),
    figures: (indicatorId, at) => {
      calls.push([indicatorId, at])
      const indicator = indicators.find((candidate) => candidate.indicatorId === indicatorId)!
      if (indicator.definition === null) return null
      return indicatorFigures(indicator.definition, indicator.values, indicator.targets, at)
    },
  }
}

/** A total row of a count reported for 2024 in Elbasan, changed by `changes`. */
export function row(changes: Partial<FigureRow> = {}): FigureRow {
  return {
    country: 'AL',
    municipality: 'ELB',
    planId: uuid(1),
    indicatorId: uuid(10),
    indicatorCode: '1.1/T1',
    nationalCode: null,
    period: period('2024'),
    part: null,
    value: d('5'),
    numerator: null,
    denominator: null,
    unit: 'count',
    currency: null,
    target: null,
    targetBounds: null,
    attainment: null,
    status: 'reported',
    corrections: 0,
    source: null,
    ...changes,
  }
}

/** A CSV's records split at commas: for files whose compared fields hold no comma, quote or line break. */
export const plainCsv = (text: string): string[][] =>
  text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(','))

/** The records of the standards' example SDMX-CSV 2.0 file, its header first (see plainCsv). */
export const sdmxExample = (): string[][] =>
  plainCsv(readFileSync(new URL('../standards/sdmx/example-sdmx-csv-2.0-project-dataflow.csv', import.meta.url), 'utf8'))

/** The header of the standards' example SDMX-CSV 2.0 file: its columns. */
export const sdmxExampleHeader = (): string[] => sdmxExample()[0]!
