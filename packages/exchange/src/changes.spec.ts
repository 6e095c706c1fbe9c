import t from 'tap'
import { changedRows, type ChangedRow } from './changes.js'
import { compareRows, type FigurePart, type FigureRow } from './figure-rows.js'
import { d, period, row, uuid } from './test-support.js'

const at = (indicator: number, when: string, value: string, part: FigurePart = null): FigureRow =>
  row({ indicatorId: uuid(indicator), period: period(when), part, value: d(value) })

const changes = (before: readonly FigureRow[], after: readonly FigureRow[]): ChangedRow[] => [...changedRows(before, after)]

/** Actions as `A indicator period [dimension:category] value`, to read failures at a glance. */
const brief = (rows: readonly ChangedRow[]): string[] =>
  rows.map(
    ({ action, row }) =>
      `${action} ${Number(row.indicatorId.slice(-3))} ${row.period}${row.part === null ? '' : ` ${row.part.dimension}:${row.part.category}`} ${row.value}`,
  )

const a1 = at(1, '2024', '10')
const a2 = at(2, '2024', '20')
const a3 = at(3, '2024', '30')
const a4 = at(4, '2024', '40')

t.test('both empty, or nothing changed: no action', async (t) => {
  t.strictSame(changes([], []), [])
  t.strictSame(changes([a1, a2, a3], [a1, a2, a3]), [])
  t.strictSame(changes([a1, a2], [{ ...a1 }, { ...a2 }]), [], 'equal rows, not the same objects')
})

t.test('against nothing, every row is new; to nothing, every row is withdrawn', async (t) => {
  t.strictSame(changes([], [a1, a2]), [
    { action: 'I', row: a1 },
    { action: 'I', row: a2 },
  ])
  t.strictSame(changes([a1, a2], []), [
    { action: 'D', row: a1 },
    { action: 'D', row: a2 },
  ])
})

t.test('a row whose figure changed is replaced, and carries the figure as it is now', async (t) => {
  const corrected = row({ ...a2, value: d('21'), status: 'corrected', corrections: 1 })
  t.strictSame(changes([a1, a2, a3], [a1, corrected, a3]), [{ action: 'R', row: corrected }])
  // Any field counts, not only the value: a new target, a status, a source.
  const targeted = { ...a1, target: d('12'), attainment: d('0.833333333333') }
  const suppressed = { ...a2, value: null, status: 'suppressed' as const }
  const sourced = { ...a3, source: 'Regjistri i Gjendjes Civile' }
  t.strictSame(brief(changes([a1, a2, a3], [targeted, suppressed, sourced])), ['R 1 2024 10', 'R 2 2024 null', 'R 3 2024 30'])
  t.strictSame(changes([a1], [targeted])[0]?.row, targeted)
})

t.test('new and withdrawn rows interleave at the start, in the middle and at the end', async (t) => {
  t.strictSame(brief(changes([a2, a3, a4], [a1, a2, a3, a4])), ['I 1 2024 10'], 'new at the start')
  t.strictSame(brief(changes([a1, a2, a3, a4], [a2, a3, a4])), ['D 1 2024 10'], 'withdrawn at the start')
  t.strictSame(brief(changes([a1, a4], [a1, a2, a3, a4])), ['I 2 2024 20', 'I 3 2024 30'], 'new in the middle')
  t.strictSame(brief(changes([a1, a2, a3, a4], [a1, a4])), ['D 2 2024 20', 'D 3 2024 30'], 'withdrawn in the middle')
  t.strictSame(brief(changes([a1, a2], [a1, a2, a3, a4])), ['I 3 2024 30', 'I 4 2024 40'], 'new at the end')
  t.strictSame(brief(changes([a1, a2, a3, a4], [a1, a2])), ['D 3 2024 30', 'D 4 2024 40'], 'withdrawn at the end')
  t.strictSame(brief(changes([a1, a3], [a2, a4])), ['D 1 2024 10', 'I 2 2024 20', 'D 3 2024 30', 'I 4 2024 40'], 'alternating')
  t.strictSame(
    brief(changes([a2, a4], [a1, a3])),
    ['I 1 2024 10', 'D 2 2024 20', 'I 3 2024 30', 'D 4 2024 40'],
    'alternating the other way',
  )
  const a3Corrected = at(3, '2024', '33')
  t.strictSame(
    brief(changes([a2, a3, a4], [a1, a3Corrected])),
    ['I 1 2024 10', 'D 2 2024 20', 'R 3 2024 33', 'D 4 2024 40'],
    'all three actions at once, in row order',
  )
})

t.test('rows are told apart by period and part, in compareRows order', async (t) => {
  const female = { dimension: 'sex', category: 'F' } as const
  const male = { dimension: 'sex', category: 'M' } as const
  const rural = { dimension: 'area', category: 'rural' } as const
  const before = [at(1, '2024-H1', '4'), at(1, '2024-H1', '3', female), at(1, '2024-H1', '1', male), at(1, '2024', '9')]
  const after = [at(1, '2024-H1', '4'), at(1, '2024-H1', '3', female), at(1, '2024-H1', '4', rural), at(1, '2024', '9'), at(1, '2025', '2')]
  t.strictSame(brief(changes(before, after)), ['D 1 2024-H1 sex:M 1', 'I 1 2024-H1 area:rural 4', 'I 1 2025 2'])
})

t.test('the sequences are read one row at a time, as they are consumed', async (t) => {
  const read: string[] = []
  function* logged(name: string, rows: readonly FigureRow[]): Generator<FigureRow> {
    for (const each of rows) {
      read.push(`${name} ${Number(each.indicatorId.slice(-3))}`)
      yield each
    }
  }
  const merged = changedRows(logged('before', [a1, a3]), logged('after', [a2, a3]))
  t.strictSame(read, [], 'nothing before the first action is asked for')
  t.strictSame(brief([merged.next().value as ChangedRow]), ['D 1 2024 10'])
  t.strictSame(read, ['before 1', 'after 2'])
  t.strictSame(brief([...merged]), ['I 2 2024 20'])
  t.strictSame(read, ['before 1', 'after 2', 'before 3', 'after 3'])
})

/** A deterministic pseudo-random generator (mulberry32), so a failing case can be replayed by its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = state
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

/** Every row place the generated cases draw from, in compareRows order. */
const places: readonly FigureRow[] = (() => {
  const parts: FigurePart[] = [
    null,
    { dimension: 'sex', category: 'F' },
    { dimension: 'sex', category: 'M' },
    { dimension: 'area', category: 'rural' },
    { dimension: 'age-group', category: '15-24' },
  ]
  const all: FigureRow[] = []
  for (const municipality of ['DRE', 'ELB']) {
    for (const plan of [1, 2]) {
      for (const indicator of [10, 11]) {
        for (const when of ['2024-Q1', '2024-H1', '2024-H2', '2024', '2025']) {
          for (const part of parts)
            all.push(row({ municipality, planId: uuid(plan), indicatorId: uuid(indicator), period: period(when), part }))
        }
      }
    }
  }
  return all.sort(compareRows)
})()

const placeOf = (each: FigureRow): string => JSON.stringify([each.municipality, each.planId, each.indicatorId, each.period, each.part])

/** Applies the actions to `before` as a consumer would: by each row's place, refusing an action that does not fit. */
function apply(before: readonly FigureRow[], actions: readonly ChangedRow[]): FigureRow[] {
  const rows = new Map(before.map((each) => [placeOf(each), each]))
  for (const { action, row: changed } of actions) {
    const place = placeOf(changed)
    if (action === 'I') {
      if (rows.has(place)) throw new Error(`I of a row already there: ${place}`)
      rows.set(place, changed)
    } else if (action === 'R') {
      if (!rows.has(place)) throw new Error(`R of a row not there: ${place}`)
      rows.set(place, changed)
    } else {
      if (!rows.has(place)) throw new Error(`D of a row not there: ${place}`)
      rows.delete(place)
    }
  }
  return [...rows.values()].sort(compareRows)
}

t.test('the places of the generated cases are all distinct under compareRows', async (t) => {
  t.equal(places.length, 200)
  t.ok(
    places.every((each, index) => index === 0 || compareRows(places[index - 1]!, each) < 0),
    'strictly increasing',
  )
})

t.test('for generated exports, applying the actions to the one before gives the one after, and only the needed actions', async (t) => {
  // fast-check is not a dependency of this package: a seeded loop of generated cases instead.
  const cases = 600
  let failures = 0
  for (let seed = 1; seed <= cases && failures < 3; seed++) {
    const next = random(seed)
    // Sparse and dense exports, by a density of their own.
    const density = next()
    const values = ['1', '2', '3']
    const before: FigureRow[] = []
    const after: FigureRow[] = []
    for (const place of places) {
      if (next() < density) before.push({ ...place, value: d(values[Math.floor(next() * values.length)]!) })
      if (next() < density) after.push({ ...place, value: d(values[Math.floor(next() * values.length)]!) })
    }
    const actions = changes(before, after)
    const oldPlaces = new Map(before.map((each) => [placeOf(each), each]))
    const newPlaces = new Map(after.map((each) => [placeOf(each), each]))
    const needed =
      before.filter((each) => !newPlaces.has(placeOf(each))).length +
      after.filter((each) => {
        const old = oldPlaces.get(placeOf(each))
        return old === undefined || old.value !== each.value
      }).length
    const problems: string[] = []
    let applied: FigureRow[] = []
    try {
      applied = apply(before, actions)
    } catch (error) {
      problems.push(String(error))
    }
    if (problems.length === 0 && JSON.stringify(applied) !== JSON.stringify(after)) problems.push('applied, the actions do not give after')
    if (actions.length !== needed) problems.push(`${actions.length} actions for ${needed} changes`)
    if (!actions.every((each, index) => index === 0 || compareRows(actions[index - 1]!.row, each.row) < 0)) {
      problems.push('actions out of compareRows order')
    }
    if (!actions.every(({ action, row: changed }) => (action === 'D' ? oldPlaces : newPlaces).get(placeOf(changed)) === changed)) {
      problems.push("a row that is not after's (I, R) or before's (D)")
    }
    if (problems.length > 0) {
      failures++
      t.fail(`seed ${seed}: ${problems.join('; ')}`, { before: before.length, after: after.length, actions: brief(actions) })
    }
  }
  t.equal(failures, 0, `${cases} generated cases`)
})
