import type { NationalUnit } from '@treguesi/domain'
import { TestLog, uuid, type Input } from '../budgets/test-support.js'

export { rawEvent, sameContents, TestLog, uuid } from '../budgets/test-support.js'

/** Every indicator here runs 2024–2026, so municipalities' periods overlap. */
const planPeriod = { from: 2024, to: 2026 }

/** A log with Elbasan and Tirana (Albania, lekë) and Drenas (Kosovo, euro) registered. */
export function nationalLog(): TestLog {
  return new TestLog()
    .run({ type: 'RegisterMunicipality', code: 'ELB', name: { sq: 'Bashkia Elbasan' }, country: 'AL', currency: 'ALL' })
    .run({ type: 'RegisterMunicipality', code: 'TIR', name: { sq: 'Bashkia Tiranë' }, country: 'AL', currency: 'ALL' })
    .run({ type: 'RegisterMunicipality', code: 'DRE', name: { sq: 'Komuna e Drenasit' }, country: 'XK', currency: 'EUR' })
}

/**
 * Defines indicator `n` of `municipality`, tied to `nationalCode` (or to none when it is null).
 * A tie carries the national indicator's unit as the command handler fills it in from the
 * catalogue: the indicator's own. The catalogue's entry is in the log only when a spec defines it
 * (defineNational): without one, the code is one an indicator carried before the catalogue.
 */
export function define(log: TestLog, n: number, municipality: string, nationalCode: string | null, rest: Partial<Input> = {}): TestLog {
  return log.run({
    type: 'DefineIndicator',
    indicatorId: uuid(n),
    planId: uuid(n + 500),
    municipality,
    attachedTo: { kind: 'objective', id: uuid(n + 600) },
    code: `T${n}`,
    name: { sq: `Treguesi ${n}` },
    unit: 'count',
    direction: 'higher-is-better',
    accumulation: 'per-period',
    ...(nationalCode === null ? {} : { nationalCode, nationalUnit: rest.unit ?? 'count' }),
    planPeriod,
    ...rest,
  })
}

/**
 * Indicator `n` as a log recorded before the catalogue holds it: tied at its definition to any
 * label, in any unit (a ratio, a text), which the decider no longer accepts. The event is the one
 * the decider gives untied, with the code the old log carried; the decider's own state (for the
 * figures reported later) does not know the tie, so such an indicator is not linked again here.
 */
export function definedBeforeCatalogue(
  log: TestLog,
  n: number,
  municipality: string,
  nationalCode: string,
  rest: Partial<Input> = {},
): TestLog {
  define(log, n, municipality, null, rest)
  const last = log.events.length - 1
  const event = log.events[last]!
  log.events[last] = { ...event, data: { ...(event.data as object), nationalCode } }
  return log
}

/** Defines national indicator `code` in the catalogue; a percentage names its counts. */
export function defineNational(log: TestLog, code: string, unit: NationalUnit = 'count', rest: Partial<Input> = {}): TestLog {
  return log.run({
    type: 'DefineNationalIndicator',
    code,
    name: { sq: `Treguesi kombëtar ${code}` },
    unit,
    ...(unit === 'percent' ? { numerator: { sq: 'Vajza që përfunduan' }, denominator: { sq: 'Vajza të regjistruara' } } : {}),
    ...rest,
  })
}

export function reviseNational(log: TestLog, code: string, changes: Readonly<Record<string, unknown>>): TestLog {
  return log.run({ type: 'ReviseNationalIndicator', code, ...changes })
}

/**
 * Ties indicator `n` to `nationalCode`, moves it there, or (null) unties it. `unit` is the
 * national indicator's, as the command handler fills it in: the indicator's own, or it is refused.
 */
export function link(log: TestLog, n: number, nationalCode: string | null, unit: NationalUnit = 'count'): TestLog {
  return log.run({
    type: 'LinkNationalIndicator',
    indicatorId: uuid(n),
    nationalCode,
    reason: { sq: 'Lidhet me treguesin kombëtar' },
    ...(nationalCode === null ? {} : { nationalUnit: unit }),
  })
}

export function revise(log: TestLog, n: number, changes: Readonly<Record<string, unknown>>): TestLog {
  return log.run({ type: 'ReviseIndicator', indicatorId: uuid(n), reason: { sq: 'Korrigjim i përkufizimit' }, ...changes })
}

export function report(log: TestLog, n: number, period: string, figure: Readonly<Record<string, unknown>>): TestLog {
  return log.run({ type: 'ReportIndicatorValue', indicatorId: uuid(n), period, ...figure })
}

export function correct(log: TestLog, n: number, period: string, figure: Readonly<Record<string, unknown>>): TestLog {
  return log.run({
    type: 'CorrectIndicatorValue',
    indicatorId: uuid(n),
    period,
    reason: { sq: 'Korrigjim pas verifikimit' },
    ...figure,
  })
}

export const sex = { dimension: 'sex', categories: ['F', 'M'], exhaustive: true }
export const area = { dimension: 'area', categories: ['urban', 'rural'], exhaustive: true }
export const ethnicity = { dimension: 'ethnicity', categories: ['rom', 'egjiptian', 'ashkali'], exhaustive: false }
