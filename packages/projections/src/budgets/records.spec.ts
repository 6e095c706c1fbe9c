import t from 'tap'
import { byText, entriesOf, getEntry, own, setEntry, type ShardedMap } from './records.js'

t.test('own reads only what the record itself holds', async (t) => {
  const record: Record<string, number> = { 'I.4..2': 1 }
  t.equal(own(record, 'I.4..2'), 1)
  t.equal(own(record, 'constructor'), undefined, 'nothing from Object.prototype')
  t.equal(own(record, 'II'), undefined)
})

t.test('a sharded map copies only the shard it changes', async (t) => {
  const empty: ShardedMap<string> = {}
  const one = setEntry(empty, 'ab12', 'first')
  const two = setEntry(one, 'cd34', 'second')
  const three = setEntry(two, 'ab56', 'third')
  t.same(empty, {}, 'the map it started from is unchanged')
  t.same(three, { ab: { ab12: 'first', ab56: 'third' }, cd: { cd34: 'second' } })
  t.equal(three.cd, two.cd, 'the other shard is shared, not copied')
  t.equal(getEntry(three, 'ab56'), 'third')
  t.equal(getEntry(three, 'ab99'), undefined)
  t.equal(getEntry(three, 'ef00'), undefined)
  t.same(entriesOf(three).sort(byText), ['first', 'second', 'third'])
})

t.test('texts order by code unit, the same everywhere', async (t) => {
  t.same(['ë', 'e', 'Z', 'a', 'e'].sort(byText), ['Z', 'a', 'e', 'e', 'ë'])
  t.equal(byText('a', 'a'), 0)
  t.equal(byText('b', 'a'), 1)
  t.equal(byText('a', 'b'), -1)
})
