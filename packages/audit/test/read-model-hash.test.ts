import { createHash } from 'node:crypto'
import t from 'tap'
import { canonicalHash, canonicalValue } from '../src/read-model-hash.js'

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

t.test('the hash is the SHA-256 of the RFC 8785 text, whatever order the keys were written in', async (t) => {
  const state = { plans: { b: { title: { sq: 'Plani Vendor për Barazinë Gjinore' } }, a: { position: 7n, closed: false } }, count: 2 }
  t.equal(
    canonicalHash(state),
    sha256('{"count":2,"plans":{"a":{"closed":false,"position":"7"},"b":{"title":{"sq":"Plani Vendor për Barazinë Gjinore"}}}}'),
  )
  t.equal(
    canonicalHash({ count: 2, plans: { a: { closed: false, position: 7n }, b: { title: { sq: 'Plani Vendor për Barazinë Gjinore' } } } }),
    canonicalHash(state),
  )
  t.not(canonicalHash({ ...state, count: 3 }), canonicalHash(state), 'any change changes the hash')
  t.not(canonicalHash({ position: '7' }), canonicalHash({ position: 7 }), 'a number is not its text')
})

t.test('bigints, dates, undefined fields and arrays have one text each', async (t) => {
  t.same(canonicalValue({ at: new Date('2025-03-01T08:00:00Z'), position: 12n, gone: undefined, list: [1n, null, 'x', true] }), {
    at: '2025-03-01T08:00:00.000Z',
    position: '12',
    list: ['1', null, 'x', true],
  })
  const bare = Object.create(null) as Record<string, unknown>
  Object.defineProperty(bare, '__proto__', { value: 1, enumerable: true })
  t.same(Object.keys(canonicalValue(bare) as object), ['__proto__'], 'a key such as __proto__ stays a key')
})

t.test('Maps and Sets do not depend on insertion order', async (t) => {
  const byString = new Map([
    ['b', 2n],
    ['a', 1n],
  ])
  t.same(canonicalValue(byString), { a: '1', b: '2' })
  t.equal(
    canonicalHash(byString),
    canonicalHash(
      new Map([
        ['a', 1n],
        ['b', 2n],
      ]),
    ),
  )
  t.same(
    canonicalValue(
      new Map<unknown, string>([
        [2, 'two'],
        [1, 'one'],
      ]),
    ),
    [
      [1, 'one'],
      [2, 'two'],
    ],
    'other keys: sorted entries',
  )
  t.same(canonicalValue(new Set(['b', 'a', 'c'])), ['a', 'b', 'c'])
  t.equal(canonicalHash(new Set([{ x: 1 }, { x: 0 }])), canonicalHash(new Set([{ x: 0 }, { x: 1 }])))
  t.same(canonicalValue(new Set(['a', 'a'])), ['a'])
})

t.test('a collection with a JSON form (a persistent map) hashes as that form', async (t) => {
  class Entries {
    constructor(readonly entries: ReadonlyArray<readonly [string, bigint]>) {}
    toJSON(): Record<string, bigint> {
      return Object.fromEntries(this.entries)
    }
  }
  t.same(
    canonicalValue({
      lines: new Entries([
        ['b', 2n],
        ['a', 1n],
      ]),
    }),
    { lines: { a: '1', b: '2' } },
  )
  t.equal(
    canonicalHash(
      new Entries([
        ['b', 2n],
        ['a', 1n],
      ]),
    ),
    canonicalHash({ a: 1n, b: 2n }),
  )
})

t.test('what a read model must not hold is refused, not dropped', async (t) => {
  t.throws(() => canonicalHash({ f: () => 1 }), new TypeError('a read model cannot hold a function'))
  t.throws(() => canonicalHash([Symbol('s')]), new TypeError('a read model cannot hold a symbol'))
  t.throws(() => canonicalHash(undefined), new TypeError('a read model cannot hold a undefined'))
  t.throws(() => canonicalHash({ n: new Number(1) }), new TypeError('a read model cannot hold an instance of Number'))
  t.throws(
    () => canonicalHash(Object.create(Object.create(null) as object) as object),
    new TypeError('a read model cannot hold an instance of an unknown class'),
  )
  t.throws(() => canonicalHash({ n: Number.NaN }), TypeError, 'JSON has no NaN')
})

t.test('a set of values with the same canonical text hashes as one sorted list of them', async (t) => {
  const twins = new Set([{ sq: 'Tiranë' }, { sq: 'Tiranë' }, { sq: 'Elbasan' }])
  t.same(canonicalValue(twins), [{ sq: 'Elbasan' }, { sq: 'Tiranë' }, { sq: 'Tiranë' }])
})
