import t from 'tap'
import { byText } from './budgets/records.js'
import {
  Deferred,
  emptyMap,
  entriesOf,
  getEntry,
  isPersistentMap,
  keyedEntriesOf,
  removeEntry,
  setEntry,
  sizeOf,
  storedEntriesOf,
  withEntries,
  type PersistentMap,
} from './persistent-map.js'

/** The map as JSON.stringify gives it: what the read models' canonical hashes are made from. */
const asJson = (map: PersistentMap<unknown>): unknown => JSON.parse(JSON.stringify(map))

const mapOf = <Value>(entries: ReadonlyArray<readonly [string, Value]>) => withEntries(emptyMap<Value>(), entries)

t.test('a persistent map leaves every earlier version as it was', async (t) => {
  const empty = emptyMap<string>()
  const one = setEntry(empty, 'ab12', 'first')
  const two = setEntry(one, 'cd34', 'second')
  const three = setEntry(two, 'ab12', 'replaced')
  t.equal(sizeOf(empty), 0, 'the map it started from is unchanged')
  t.equal(getEntry(one, 'ab12'), 'first')
  t.equal(getEntry(two, 'ab12'), 'first', 'a replacement does not reach back')
  t.equal(getEntry(three, 'ab12'), 'replaced')
  t.equal(getEntry(three, 'ef00'), undefined)
  t.equal(getEntry(three, 'constructor'), undefined, 'nothing from Object.prototype')
  t.same(entriesOf(three).sort(byText), ['replaced', 'second'])
  t.equal(sizeOf(removeEntry(three, 'cd34')), 1)
  t.equal(sizeOf(three), 2, 'a removal leaves the map it came from as it was')
})

t.test('a map gives its entries as JSON, whatever order they were added in', async (t) => {
  const forwards = ['x', 'y', 'z'].reduce((map, key, index) => setEntry(map, key, index), emptyMap<number>())
  const backwards = mapOf([
    ['z', 2],
    ['y', 1],
    ['x', 0],
  ])
  t.same(asJson(forwards), { x: 0, y: 1, z: 2 })
  t.same(asJson(backwards), { x: 0, y: 1, z: 2 })
})

t.test('a map is told from plain records, and grows by many entries at once', async (t) => {
  const map = mapOf([['a', 1]])
  t.ok(isPersistentMap(map))
  t.notOk(isPersistentMap({ a: 1 }))
  t.notOk(isPersistentMap(new Map([['a', 1]])), 'a native Map is not one')
  const grown = withEntries(map, [
    ['b', 2],
    ['c', 3],
  ])
  t.same(asJson(grown), { a: 1, b: 2, c: 3 })
  t.same(asJson(map), { a: 1 }, 'the map it grew from is as it was')
})

t.test('a deferred entry is made once, when it is first read, by whichever accessor reads it', async (t) => {
  let made = 0
  const deferred = (value: number) =>
    Deferred.of(String(value), (source) => {
      made++
      return { value: Number(source) }
    })
  const map = withEntries(emptyMap<{ value: number }>(), [
    ['a', deferred(1)],
    ['b', deferred(2)],
    ['c', { value: 3 }],
  ])
  const [, storedA] = [...storedEntriesOf(map)].find(([key]) => key === 'a')!
  t.ok(storedA instanceof Deferred && storedA.source === '1', 'not made yet: its source is there to be saved again')
  t.equal(made, 0, 'nothing is made before it is read')
  const a = getEntry(map, 'a')
  t.same(a, { value: 1 })
  t.equal(getEntry(map, 'a'), a, 'every reader gets the one value it made')
  t.equal(made, 1)
  t.equal((storedA as Deferred<unknown>).source, undefined, 'its source is let go once it is made')
  t.same(
    keyedEntriesOf(map).sort(([x], [y]) => (x < y ? -1 : 1)),
    [
      ['a', { value: 1 }],
      ['b', { value: 2 }],
      ['c', { value: 3 }],
    ],
  )
  t.equal(made, 2)
  t.same(
    asJson(setEntry(map, 'b', { value: 20 })),
    { a: { value: 1 }, b: { value: 20 }, c: { value: 3 } },
    'as JSON, each entry is its value',
  )
  t.same(entriesOf(withEntries(emptyMap<{ value: number }>(), [['d', deferred(4)]])), [{ value: 4 }])
})
