import t from 'tap'
import { byText } from './budgets/records.js'
import { emptyMap, entriesOf, getEntry, isPersistentMap, removeEntry, setEntry, withEntries } from './persistent-map.js'

const mapOf = <Value>(entries: ReadonlyArray<readonly [string, Value]>) => withEntries(emptyMap<Value>(), entries)

t.test('a persistent map leaves every earlier version as it was', async (t) => {
  const empty = emptyMap<string>()
  const one = setEntry(empty, 'ab12', 'first')
  const two = setEntry(one, 'cd34', 'second')
  const three = setEntry(two, 'ab12', 'replaced')
  t.equal(empty.size, 0, 'the map it started from is unchanged')
  t.equal(getEntry(one, 'ab12'), 'first')
  t.equal(getEntry(two, 'ab12'), 'first', 'a replacement does not reach back')
  t.equal(getEntry(three, 'ab12'), 'replaced')
  t.equal(getEntry(three, 'ef00'), undefined)
  t.equal(getEntry(three, 'constructor'), undefined, 'nothing from Object.prototype')
  t.same(entriesOf(three).sort(byText), ['replaced', 'second'])
  t.equal(removeEntry(three, 'cd34').size, 1)
  t.equal(three.size, 2, 'a removal leaves the map it came from as it was')
})

t.test('a map gives its entries as JSON, whatever order they were added in', async (t) => {
  const forwards = ['x', 'y', 'z'].reduce((map, key, index) => setEntry(map, key, index), emptyMap<number>())
  const backwards = mapOf([
    ['z', 2],
    ['y', 1],
    ['x', 0],
  ])
  t.same(forwards.toJSON(), { x: 0, y: 1, z: 2 })
  t.same(backwards.toJSON(), { x: 0, y: 1, z: 2 })
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
  t.same(grown.toJSON(), { a: 1, b: 2, c: 3 })
  t.same(map.toJSON(), { a: 1 }, 'the map it grew from is as it was')
})
