import {
  add,
  disaggregationDimensions,
  divide,
  isZero,
  multiply,
  sum,
  type Country,
  type Currency,
  type Decimal,
  type DisaggregationDimension,
  type Figure,
  type IndicatorUnit,
  type LocalizedText,
  type NationalIndicatorDefinition,
  type Period,
} from '@treguesi/domain'
import { byText, own } from '../budgets/records.js'
import { getEntry, keyedEntriesOf, type PersistentMap } from '../persistent-map.js'
import type { ReadModel } from '../projection.js'
import type { Contribution, MunicipalIndicator, NationalState } from './national.js'

/** Why a national figure cannot be given. */
export type NationalReason =
  | 'no-values'
  | 'mixed-units'
  | 'mixed-currencies'
  | 'no-counts'
  | 'zero-denominator'
  | 'not-additive'
  | 'missing-breakdown'
  | 'shares-not-additive'

export const nationalReasons: Readonly<Record<NationalReason, string>> = {
  'no-values': 'no municipality reported a value for the period',
  'mixed-units': 'the municipal indicators tied to this code are in different units, which are never added',
  'mixed-currencies': 'the amounts are in different currencies, which are never added (see byCurrency)',
  'no-counts': 'no value gives its numerator and denominator, and a national percentage is a ratio of sums, never a mean of percentages',
  'zero-denominator': 'the denominators add up to 0',
  'not-additive': 'ratios and texts cannot be added across municipalities',
  'missing-breakdown': 'some values counted in the total are not broken down by this dimension (see without)',
  'shares-not-additive': "a percentage's breakdown is a share per category, and shares cannot be added without their counts",
}

export type NationalFigure = Figure<Decimal, NationalReason>

const figure = (value: Decimal): NationalFigure => ({ value, reason: null })
const noFigure = (reason: NationalReason): NationalFigure => ({ value: null, reason })

/**
 * A dimension's categories summed over the values counted in the total. Only categories every
 * one of those values gives are summed; the others are named in `incomplete`.
 */
export type BreakdownAggregate =
  | { readonly categories: Readonly<Record<string, Decimal>>; readonly incomplete: readonly string[]; readonly reason: null }
  | { readonly categories: null; readonly reason: NationalReason; readonly without: readonly string[] }

/** One municipality's figure, as it enters (or does not enter) the national one. */
export interface MunicipalFigure {
  readonly municipality: string
  readonly municipalityName: LocalizedText | null
  readonly indicatorId: string
  /** The municipality's own code for the indicator. */
  readonly code: string
  readonly unit: IndicatorUnit
  readonly currency: Currency | null
  readonly value: Decimal | null
  readonly numerator: Decimal | null
  readonly denominator: Decimal | null
  readonly breakdown: Contribution['breakdown']
  readonly corrections: number
  /**
   * Null when counted in the total. 'superseded': the municipality gave this code and period
   * through another indicator later, and that later figure counts; 'no-counts': a percentage
   * without its numerator and denominator, left out of the ratio; 'suppressed': a small count
   * of a sensitive indicator, withheld from the caller (its value is null), so left out of the
   * total that would give it away; 'awaiting-approval': a figure no reviewer has approved yet,
   * which the caller reads only once approved (its value is null).
   */
  readonly excludedBecause: null | 'superseded' | 'no-counts' | Withholding
}

/** Why a municipal figure is withheld from the caller whole. */
export type Withholding = 'suppressed' | 'awaiting-approval'

/**
 * A municipal figure as the caller may see it: the same, as approved, without some parts of its
 * breakdown (they are then missing from the national breakdown), or why it is withheld whole.
 */
export type Concealment = (contribution: Contribution) => Contribution | Withholding

export interface NationalAggregate {
  readonly position: bigint | null
  readonly nationalCode: string
  /** The catalogue's entry; null for a code indicators carried before the catalogue. */
  readonly definition: NationalIndicatorDefinition | null
  /** The country whose municipalities are counted; null when both are (a cross-country ratio). */
  readonly country: Country | null
  readonly period: Period
  /** Null when there are no values, or their units differ. */
  readonly unit: IndicatorUnit | null
  /** How `total` is made from the municipal figures. */
  readonly method: string
  /** The sum (counts, amounts, milestones reached) or, for a percentage, the ratio of sums in percent. */
  readonly total: NationalFigure
  /** A percentage's Σ numerators and Σ denominators over the values counted; null otherwise. */
  readonly numerator: Decimal | null
  readonly denominator: Decimal | null
  /** An amount's sums per currency; null for other units. */
  readonly byCurrency: Readonly<Partial<Record<Currency, Decimal>>> | null
  /** Municipalities whose figure is in the total. */
  readonly counted: readonly string[]
  /** Municipalities whose figure is left out of the total (a percentage without its counts). */
  readonly excluded: { readonly count: number; readonly municipalities: readonly string[] }
  /** Every municipal figure for the code and period, by municipality, counted or not. */
  readonly byMunicipality: readonly MunicipalFigure[]
  /** 'area' is urban/rural (qytet/fshat). */
  readonly breakdowns: Readonly<Record<DisaggregationDimension, BreakdownAggregate>>
}

const methods: Readonly<Record<IndicatorUnit | 'none', string>> = {
  count: "sum of the municipalities' actuals",
  amount: "sum of the municipalities' actuals, per currency",
  milestone: 'number of municipalities that reached the milestone (the sum of their 1/0 values)',
  percent:
    'ratio of sums: Σ numerators / Σ denominators × 100 over the values that give their counts; values without counts are listed and left out, never given a guessed denominator; never a mean of percentages',
  ratio: 'not aggregated: ratios cannot be added across municipalities',
  text: 'not aggregated: text values have no figures',
  none: 'not aggregated: no values, or values in different units',
}

/** The latest figure (by log position) each municipality gave; the others are superseded. */
function latestPerMunicipality(contributions: readonly Contribution[]): Set<Contribution> {
  const latest = new Map<string, Contribution>()
  for (const contribution of contributions) {
    const current = latest.get(contribution.municipality)
    if (current === undefined || contribution.position > current.position) latest.set(contribution.municipality, contribution)
  }
  return new Set(latest.values())
}

interface Total {
  readonly total: NationalFigure
  readonly numerator: Decimal | null
  readonly denominator: Decimal | null
  readonly byCurrency: Partial<Record<Currency, Decimal>> | null
  /** The values the total is made of. */
  readonly included: readonly Contribution[]
}

function totalOf(unit: IndicatorUnit | null, counted: readonly Contribution[]): Total {
  const none = { numerator: null, denominator: null, byCurrency: null }
  switch (unit) {
    case null:
      return { total: noFigure(counted.length === 0 ? 'no-values' : 'mixed-units'), ...none, included: [] }
    case 'ratio':
    case 'text':
      return { total: noFigure('not-additive'), ...none, included: [] }
    case 'count':
    case 'milestone':
      return { total: figure(sum(counted.map((c) => c.value as Decimal))), ...none, included: counted }
    case 'amount': {
      const byCurrency: Partial<Record<Currency, Decimal>> = {}
      for (const { currency, value } of counted) {
        // An amount indicator always has a currency and a value.
        byCurrency[currency!] = add(byCurrency[currency!] ?? ('0' as Decimal), value!)
      }
      const sums = Object.values(byCurrency)
      const total = sums.length === 1 ? figure(sums[0]!) : noFigure('mixed-currencies')
      return { total, numerator: null, denominator: null, byCurrency, included: counted }
    }
    case 'percent': {
      const included = counted.filter((c) => c.numerator !== null)
      if (included.length === 0) return { total: noFigure('no-counts'), ...none, included }
      const numerator = sum(included.map((c) => c.numerator!))
      const denominator = sum(included.map((c) => c.denominator!))
      const total = isZero(denominator) ? noFigure('zero-denominator') : figure(divide(multiply(numerator, '100' as Decimal), denominator))
      return { total, numerator, denominator, byCurrency: null, included }
    }
  }
}

function breakdownOf(
  dimension: DisaggregationDimension,
  unit: IndicatorUnit | null,
  total: Total,
  municipalityOf: (c: Contribution) => string,
): BreakdownAggregate {
  const notSummed = (reason: NationalReason, without: readonly string[] = []): BreakdownAggregate => ({
    categories: null,
    reason,
    without,
  })
  if (unit === 'percent') return notSummed('shares-not-additive')
  if (total.total.reason !== null) return notSummed(total.total.reason)
  const parts = total.included.map((c) => own(c.breakdown ?? {}, dimension))
  const without = total.included.filter((_, index) => parts[index] === undefined).map(municipalityOf)
  if (without.length > 0) return notSummed('missing-breakdown', [...new Set(without)].sort(byText))
  const given = parts as Readonly<Record<string, Decimal>>[]
  const names = [...new Set(given.flatMap((part) => Object.keys(part)))].sort(byText)
  const complete = names.filter((name) => given.every((part) => own(part, name) !== undefined))
  return {
    categories: Object.fromEntries(complete.map((name) => [name, sum(given.map((part) => own(part, name)!))])),
    incomplete: names.filter((name) => !complete.includes(name)),
    reason: null,
  }
}

/**
 * A national indicator for one period across municipalities. Counts and amounts are summed
 * (amounts per currency), milestones counted; a percentage is the ratio of sums, Σ numerators /
 * Σ denominators × 100, over the values that give their counts (the others are listed and left
 * out, with their number; no denominator is ever guessed), never a mean of percentages. Each
 * municipality counts once, with the latest figure it gave for the code and period (a correction
 * replaces the value it corrects). Values are those reported for exactly this period: a year's
 * figure is not made of its halves. Only the municipalities of `country` count: amounts are
 * never added across currencies, nor figures across countries, unless a caller asks for a
 * `cross-country` figure (a ratio of sums; the API allows no other). Null when no indicator of the
 * country carries the code. Only indicators
 * `keep` keeps count, as if the others were not in the log (the API's anonymous callers see no
 * draft's): the code's own values are filtered, never the country's.
 */
export function nationalAggregate(
  model: ReadModel<NationalState>,
  nationalCode: string,
  period: Period,
  country: Country | 'cross-country',
  keep: (indicatorId: string) => boolean = () => true,
  conceal: Concealment = (contribution) => contribution,
): NationalAggregate | null {
  const { state, position } = model
  const inScope = (indicator: MunicipalIndicator) =>
    country === 'cross-country' || own(state.municipalities, indicator.municipality)?.country === country
  const indicators = (getEntry(state.byCode, nationalCode) ?? [])
    .filter(keep)
    .map((id) => getEntry(state.indicators, id)!)
    .filter(inScope)
  if (indicators.length === 0) return null
  const withheld = new Map<Contribution, Withholding>()
  const contributions = indicators
    .flatMap((indicator): Contribution[] => {
      const figure = own(getEntry(state.figures, indicator.indicatorId) ?? {}, period)
      if (figure === undefined) return []
      const { nationalCode: _code, planId: _planId, ...described } = indicator
      return [{ ...described, ...figure }]
    })
    .map((c) => {
      const seen = conceal(c)
      if (typeof seen !== 'string') return seen
      const hidden: Contribution = { ...c, value: null, breakdown: null, numerator: null, denominator: null }
      withheld.set(hidden, seen)
      return hidden
    })
    .sort((a, b) => byText(a.municipality, b.municipality) || byText(a.indicatorId, b.indicatorId))
  // A withheld figure still supersedes the municipality's earlier ones: those are not shown instead.
  const counted = latestPerMunicipality(contributions)
  const countedList = contributions.filter((c) => counted.has(c) && !withheld.has(c))
  const units = new Set(countedList.map((c) => c.unit))
  const unit = units.size === 1 ? countedList[0]!.unit : null
  const total = totalOf(unit, countedList)
  const included = new Set(total.included)
  const excludedBecause = (c: Contribution): MunicipalFigure['excludedBecause'] => {
    if (!counted.has(c)) return 'superseded'
    const why = withheld.get(c)
    if (why !== undefined) return why
    return unit === 'percent' && !included.has(c) ? 'no-counts' : null
  }
  const municipalityOf = (c: Contribution) => c.municipality
  const excluded = contributions.filter((c) => counted.has(c) && excludedBecause(c) !== null).map(municipalityOf)
  return {
    position,
    nationalCode,
    definition: getEntry(state.catalogue, nationalCode) ?? null,
    country: country === 'cross-country' ? null : country,
    period,
    unit,
    method: methods[unit ?? 'none'],
    total: total.total,
    numerator: total.numerator,
    denominator: total.denominator,
    byCurrency: total.byCurrency,
    counted: total.included.map(municipalityOf),
    excluded: { count: excluded.length, municipalities: excluded },
    byMunicipality: contributions.map((c) => ({
      municipality: c.municipality,
      municipalityName: own(state.municipalities, c.municipality)?.name ?? null,
      indicatorId: c.indicatorId,
      code: c.code,
      unit: c.unit,
      currency: c.currency,
      value: c.value,
      numerator: c.numerator,
      denominator: c.denominator,
      breakdown: c.breakdown,
      corrections: c.corrections,
      excludedBecause: excludedBecause(c),
    })),
    breakdowns: Object.fromEntries(
      disaggregationDimensions.map((dimension) => [dimension, breakdownOf(dimension, unit, total, municipalityOf)]),
    ) as Record<DisaggregationDimension, BreakdownAggregate>,
  }
}

/** A national code as the log knows it: the catalogue's entry, and the municipal indicators tied to it. */
export interface NationalCode {
  readonly nationalCode: string
  /** Null for a code indicators carried before the catalogue. */
  readonly definition: NationalIndicatorDefinition | null
  readonly indicators: readonly MunicipalIndicator[]
  /** The countries and municipalities of the indicators tied to it. */
  readonly countries: readonly Country[]
  readonly municipalities: readonly string[]
}

/** One national code, or undefined when neither the catalogue nor an indicator knows it. */
export function nationalCode(model: ReadModel<NationalState>, code: string, keep: (indicatorId: string) => boolean = () => true) {
  const { state } = model
  const definition = getEntry(state.catalogue, code) ?? null
  const ids = getEntry(state.byCode, code) ?? []
  if (definition === null && ids.length === 0) return undefined
  const indicators = ids.filter(keep).map((id) => getEntry(state.indicators, id)!)
  const municipalities = [...new Set(indicators.map((i) => i.municipality))].sort(byText)
  const countries = [...new Set(municipalities.flatMap((m) => own(state.municipalities, m)?.country ?? []))].sort(byText)
  return { nationalCode: code, definition, indicators, countries, municipalities } satisfies NationalCode
}

/** The catalogue and every code an indicator carries, by code. */
export function nationalCodes(model: ReadModel<NationalState>, keep?: (indicatorId: string) => boolean): readonly NationalCode[] {
  const keys = (map: PersistentMap<unknown>) => keyedEntriesOf(map).map(([key]) => key)
  const codes = new Set([...keys(model.state.catalogue), ...keys(model.state.byCode)])
  return [...codes].sort(byText).map((code) => nationalCode(model, code, keep)!)
}
