import { TestLog, uuid, type Input } from '../budgets/test-support.js'

export { rawEvent, sameContents, TestLog, uuid } from '../budgets/test-support.js'

/** Every indicator here runs 2024–2026, so municipalities' periods overlap. */
const planPeriod = { from: 2024, to: 2026 }

/** A log with Elbasan and Tirana (lekë) and Drenas (euro) registered. */
export function nationalLog(): TestLog {
  return new TestLog()
    .run({ type: 'RegisterMunicipality', code: 'ELB', name: { sq: 'Bashkia Elbasan' }, country: 'AL', currency: 'ALL' })
    .run({ type: 'RegisterMunicipality', code: 'TIR', name: { sq: 'Bashkia Tiranë' }, country: 'AL', currency: 'ALL' })
    .run({ type: 'RegisterMunicipality', code: 'DRE', name: { sq: 'Komuna e Drenasit' }, country: 'XK', currency: 'EUR' })
}

/** Defines indicator `n` of `municipality`, tied to `nationalCode` (or to none when it is null). */
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
    ...(nationalCode === null ? {} : { nationalCode }),
    planPeriod,
    ...rest,
  })
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
