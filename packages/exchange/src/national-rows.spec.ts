import t from 'tap'
import type { FigureRow } from './figure-rows.js'
import { nationalRows, type PositionOf } from './national-rows.js'
import { d, period, row, uuid } from './test-support.js'

const positions: Record<string, bigint> = {}
const positionOf: PositionOf = (indicatorId, at) => positions[`${indicatorId} ${at}`] ?? null
const brief = (groups: Iterable<FigureRow[]>) =>
  [...groups].map((group) => group.map((r) => `${r.municipality} ${Number(r.indicatorId.slice(-3))} ${r.period}`))

const tied = (municipality: string, indicator: number, at: string, nationalCode: string | null = 'AL-X') =>
  row({ municipality, indicatorId: uuid(indicator), period: period(at), nationalCode, value: d(String(indicator)) })

t.test('nothing in, nothing out; rows without a national code are left out by default', async (t) => {
  t.same(brief(nationalRows([], positionOf)), [])
  t.same(brief(nationalRows([tied('ELB', 1, '2024', null)], positionOf)), [])
})

t.test('one group per municipality; of two indicators tied to one code, the later report counts', async (t) => {
  positions[`${uuid(2)} 2024`] = 20n
  positions[`${uuid(3)} 2024`] = 10n
  const rows = [tied('DRE', 1, '2024'), tied('ELB', 2, '2024'), tied('ELB', 3, '2024'), tied('ELB', 3, '2025')]
  t.same(brief(nationalRows(rows, positionOf)), [['DRE 1 2024'], ['ELB 2 2024', 'ELB 3 2025']], '3 is superseded in 2024, alone in 2025')
  positions[`${uuid(3)} 2024`] = 30n
  t.same(brief(nationalRows(rows, positionOf)), [['DRE 1 2024'], ['ELB 3 2024', 'ELB 3 2025']], 'reported later, it counts')
})

t.test('without positions (a computed figure) or at equal ones, the larger indicator id counts, in any order', async (t) => {
  const rows = [tied('TIR', 5, '2024'), tied('TIR', 4, '2024')]
  t.same(brief(nationalRows(rows, positionOf)), [['TIR 5 2024']])
  t.same(brief(nationalRows([...rows].reverse(), positionOf)), [['TIR 5 2024']])
})

t.test('a chosen set of rows: an indicator without a national code stands for itself', async (t) => {
  const rows = [tied('TIR', 6, '2024', null), tied('TIR', 7, '2024', null), tied('TIR', 8, '2024', null)]
  t.same(brief(nationalRows(rows, positionOf, { wanted: (r) => r.indicatorId !== uuid(8) })), [['TIR 6 2024', 'TIR 7 2024']])
})

t.test("a plan's rows, chosen among the municipality's: another plan's later figure supersedes them", async (t) => {
  positions[`${uuid(21)} 2024`] = 1n
  positions[`${uuid(22)} 2024`] = 2n
  const rows = [
    row({ municipality: 'KOR', planId: uuid(1), indicatorId: uuid(21), nationalCode: 'AL-Y' }),
    row({ municipality: 'KOR', planId: uuid(1), indicatorId: uuid(21), nationalCode: 'AL-Y', period: period('2025') }),
    row({ municipality: 'KOR', planId: uuid(2), indicatorId: uuid(22), nationalCode: 'AL-Y' }),
  ]
  t.same(brief(nationalRows(rows, positionOf, { planId: uuid(1) })), [['KOR 21 2025']])
  t.same(brief(nationalRows(rows, positionOf, { planId: uuid(2) })), [['KOR 22 2024']])
  t.same(brief(nationalRows(rows, positionOf, { planId: uuid(3) })), [[]], 'a plan with none: an empty group')
})
