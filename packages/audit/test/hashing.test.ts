import { createHash } from 'node:crypto'
import t from 'tap'
import {
  canonicalJson,
  chainOf,
  eventHash,
  rollingHash,
  sha256Hex,
  withoutChain,
  type ChainedFields,
  type RollingEntry,
} from '@treguesi/audit'
import type { JsonValue } from '@treguesi/event-store'

t.test('canonical JSON: one text per value, whatever the key order', async (t) => {
  t.equal(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } }), '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}')
  t.equal(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }))
  t.equal(canonicalJson([]), '[]')
  t.equal(canonicalJson({}), '{}')
  t.equal(canonicalJson(false), 'false')
  t.equal(canonicalJson(null), 'null')
  t.equal(
    canonicalJson({ '10': 'a', '9': 'b', B: 'c', a: 'd' }),
    '{"10":"a","9":"b","B":"c","a":"d"}',
    'keys by UTF-16 code units, digits as text',
  )
  t.equal(canonicalJson({ '\u{1F600}': 1, '\uFF61': 2 }), '{"\u{1F600}":1,"\uFF61":2}', 'a surrogate pair sorts before U+FF61')
})

t.test('canonical JSON: numbers and strings as ECMAScript writes them', async (t) => {
  t.equal(canonicalJson(1.5e-7), '1.5e-7')
  t.equal(canonicalJson(1e21), '1e+21')
  t.equal(canonicalJson(100), '100')
  t.equal(canonicalJson(-0), '0')
  t.equal(canonicalJson(0.1 + 0.2), '0.30000000000000004')
  t.equal(canonicalJson('Bashkia Elbasan: çështje, ë'), '"Bashkia Elbasan: çështje, ë"', 'Albanian letters kept, not escaped')
  t.equal(canonicalJson('a"b\\c\n\u0001'), '"a\\"b\\\\c\\n\\u0001"')
  t.equal(canonicalJson('\uD800'), '"\\ud800"', 'a lone surrogate is escaped, so the text is valid UTF-8')
})

t.test('canonical JSON refuses what JSON cannot carry', async (t) => {
  t.throws(() => canonicalJson(Number.NaN), { name: 'TypeError', message: 'NaN is not a JSON number' })
  t.throws(() => canonicalJson({ x: Infinity }), { message: 'Infinity is not a JSON number' })
  t.throws(() => canonicalJson({ x: undefined } as unknown as JsonValue), { message: 'a undefined is not a JSON value' })
  t.throws(() => canonicalJson([1n] as unknown as JsonValue), { message: 'a bigint is not a JSON value' })
})

t.test('canonical JSON keeps a "__proto__" key as data', async (t) => {
  const parsed = JSON.parse('{"__proto__":{"x":1},"a":2}') as JsonValue
  t.equal(canonicalJson(parsed), '{"__proto__":{"x":1},"a":2}')
})

t.test('sha256Hex hashes the UTF-8 bytes', async (t) => {
  t.equal(
    sha256Hex('ë'),
    createHash('sha256')
      .update(Buffer.from([0xc3, 0xab]))
      .digest('hex'),
  )
  t.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
})

const fields: ChainedFields = {
  previous: null,
  stream: 'indicator-1',
  revision: 0n,
  id: '0b5f0c6e-3c52-4a4b-9d61-8a3f1a0e2f10',
  type: 'indicator.value-reported.v1',
  data: { period: '2024', value: '12.5' },
  metadata: { actor: { id: 'u1', role: 'editor' } },
}

t.test('the event hash is the SHA-256 of the canonical fields, and covers every one of them', async (t) => {
  const expected = sha256Hex(
    '{"data":{"period":"2024","value":"12.5"},"id":"0b5f0c6e-3c52-4a4b-9d61-8a3f1a0e2f10","metadata":{"actor":{"id":"u1","role":"editor"}},"previous":null,"revision":"0","stream":"indicator-1","type":"indicator.value-reported.v1"}',
  )
  t.equal(eventHash(fields), expected)
  t.equal(eventHash({ ...fields, data: { value: '12.5', period: '2024' } }), expected, 'key order does not matter')
  const variants: Array<[string, ChainedFields]> = [
    ['previous', { ...fields, previous: 'a'.repeat(64) }],
    ['stream', { ...fields, stream: 'indicator-2' }],
    ['revision', { ...fields, revision: 1n }],
    ['id', { ...fields, id: fields.id.replace('0b5f', '0b5e') }],
    ['type', { ...fields, type: 'indicator.value-corrected.v1' }],
    ['data', { ...fields, data: { period: '2024', value: '12.6' } }],
    ['metadata', { ...fields, metadata: { actor: { id: 'u2', role: 'editor' } } }],
  ]
  for (const [field, variant] of variants) t.not(eventHash(variant), expected, `${field} is covered`)
})

t.test('the rolling hash chains the global order', async (t) => {
  const entry: RollingEntry = { index: 0n, stream: 's', revision: 0n, id: 'e1', chainHash: 'c'.repeat(64) }
  const first = rollingHash(null, entry)
  t.equal(first, sha256Hex(`{"chain":"${'c'.repeat(64)}","id":"e1","index":"0","previous":null,"revision":"0","stream":"s"}`))
  const second = rollingHash(first, { ...entry, index: 1n, id: 'e2' })
  t.not(second, rollingHash(null, { ...entry, index: 1n, id: 'e2' }), 'each value depends on the one before')
  for (const variant of [{ index: 1n }, { stream: 't' }, { revision: 1n }, { id: 'e9' }, { chainHash: 'd'.repeat(64) }]) {
    t.not(rollingHash(null, { ...entry, ...variant }), first, `${Object.keys(variant)[0]} is covered`)
  }
})

t.test('chainOf accepts exactly a well-formed link', async (t) => {
  const hash = 'ab'.repeat(32)
  t.same(chainOf({ chain: { previous: null, hash } }), { previous: null, hash })
  t.same(chainOf({ chain: { hash, previous: hash }, actor: 'x' }), { previous: hash, hash })
  const malformed: unknown[] = [
    undefined,
    null,
    'x',
    [hash],
    { hash },
    { previous: null },
    { previous: null, hash: hash.toUpperCase() },
    { previous: null, hash: hash.slice(1) },
    { previous: 'x', hash },
    { previous: null, hash, note: 'extra' },
  ]
  for (const chain of malformed) t.equal(chainOf({ chain } as never), undefined, JSON.stringify(chain) ?? 'undefined')
  t.equal(chainOf({}), undefined, 'no chain key')
  const inherited = Object.create({ chain: { previous: null, hash } }) as Record<string, never>
  t.equal(chainOf(inherited), undefined, 'an inherited chain is not the metadata’s own')
})

t.test('withoutChain drops only the chain key', async (t) => {
  const metadata = JSON.parse('{"actor":"a","chain":{"previous":null,"hash":"h"},"__proto__":{"x":1}}')
  const stripped = withoutChain(metadata)
  t.same(Object.keys(stripped), ['actor', '__proto__'])
  t.equal(canonicalJson(stripped), '{"__proto__":{"x":1},"actor":"a"}')
})
