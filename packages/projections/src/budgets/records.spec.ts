import t from 'tap'
import { byText, own } from './records.js'

t.test('own reads only what the record itself holds', async (t) => {
  const record: Record<string, number> = { 'I.4..2': 1 }
  t.equal(own(record, 'I.4..2'), 1)
  t.equal(own(record, 'constructor'), undefined, 'nothing from Object.prototype')
  t.equal(own(record, 'II'), undefined)
})

t.test('texts order by code unit, the same everywhere', async (t) => {
  t.same(['ë', 'e', 'Z', 'a', 'e'].sort(byText), ['Z', 'a', 'e', 'e', 'ë'])
  t.equal(byText('a', 'a'), 0)
  t.equal(byText('b', 'a'), 1)
  t.equal(byText('a', 'b'), -1)
})
