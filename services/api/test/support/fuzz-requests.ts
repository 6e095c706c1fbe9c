import fc from 'fast-check'
import { seeds } from '@treguesi/seeds'
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql'
import { schemaSource } from '../../src/graphql/schema-source.js'

/**
 * A piece of a request. Large or odd content stays symbolic (`repeat`, raw bytes) until it is
 * sent, so ten thousand requests fit in memory and a failing one prints in a few lines.
 */
export type Part = string | { readonly repeat: string; readonly times: number } | { readonly hex: string } | { readonly utf16: string }

export const validCallers = ['admin', 'editorElbasan', 'editorDrenas', 'viewer', 'ministry'] as const
export type ValidCaller = (typeof validCallers)[number]

/** Authorization headers no caller may get in with, each for its own reason. */
export const hostileTokens = [
  'malformed',
  'not-base64',
  'empty-bearer',
  'wrong-signature',
  'alg-none',
  'alg-hs512',
  'missing-exp',
  'expired',
  'not-yet-valid',
  'unknown-role',
  'editor-without-municipalities',
  'huge',
  'basic-scheme',
  'two-tokens',
] as const
export type HostileToken = (typeof hostileTokens)[number]
export type Auth = 'anonymous' | ValidCaller | HostileToken

export const isHostileToken = (auth: Auth): auth is HostileToken => (hostileTokens as readonly string[]).includes(auth)

export interface FuzzRequest {
  /** The generator that made it: family:kind, used to group what it found. */
  readonly label: string
  readonly method: string
  readonly path: readonly Part[]
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly auth: Auth
  readonly body?: readonly Part[]
  /** Sent byte for byte over a bare socket, head included: the HTTP itself is malformed. */
  readonly raw?: true
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

export function bytesOf(parts: readonly Part[]): Buffer {
  return Buffer.concat(
    parts.map((part) => {
      if (typeof part === 'string') return Buffer.from(part, 'utf8')
      if ('repeat' in part) return Buffer.from(part.repeat.repeat(part.times), 'utf8')
      if ('hex' in part) return Buffer.from(part.hex, 'hex')
      return Buffer.from(part.utf16, 'utf16le')
    }),
  )
}

export function textOf(parts: readonly Part[]): string {
  return bytesOf(parts).toString('latin1')
}

/** The request as a person reads it: large repeats as `⟨"x" × 800000⟩`, bytes as hex. */
export function showParts(parts: readonly Part[], max = 700): string {
  let text = ''
  for (const part of parts) {
    if (typeof part === 'string') text += JSON.stringify(part).slice(1, -1)
    else if ('repeat' in part)
      text +=
        part.times * part.repeat.length > 40
          ? `⟨${JSON.stringify(part.repeat)} × ${part.times}⟩`
          : JSON.stringify(part.repeat.repeat(part.times)).slice(1, -1)
    else if ('hex' in part) text += `⟨bytes ${part.hex}⟩`
    else text += `⟨utf-16le ${JSON.stringify(part.utf16)}⟩`
    if (text.length > max) return `${text.slice(0, max)}…`
  }
  return text
}

export function showRequest(request: FuzzRequest): string {
  if (request.raw) return `raw bytes over a socket: ${showParts(request.body ?? [], 1500)}`
  const lines = [`${request.method} ${showParts(request.path, 600)}`]
  for (const [name, value] of request.headers) lines.push(`${name}: ${showParts([value], 200)}`)
  if (request.auth !== 'anonymous') lines.push(`authorization: <${request.auth} token>`)
  if (request.body !== undefined) lines.push('', showParts(request.body, 1500))
  return lines.join('\n')
}

/** A rough size, to pick the smallest example of a failure. */
export function sizeOf(request: FuzzRequest): number {
  const count = (parts: readonly Part[]) =>
    parts.reduce(
      (total, part) =>
        total +
        (typeof part === 'string'
          ? part.length
          : 'repeat' in part
            ? part.repeat.length * part.times
            : 'hex' in part
              ? part.hex.length / 2
              : part.utf16.length),
      0,
    )
  return (
    count(request.path) +
    count(request.body ?? []) +
    request.headers.reduce((total, [name, value]) => total + name.length + value.length, 0)
  )
}

const jsonEscape = (text: string): string => JSON.stringify(text).slice(1, -1)

/** The parts as one JSON string literal; escaping is per character, so a repeat stays a repeat. */
function jsonString(parts: readonly Part[]): Part[] {
  return [
    '"',
    ...parts.map(
      (part): Part =>
        typeof part === 'string' ? jsonEscape(part) : 'repeat' in part ? { repeat: jsonEscape(part.repeat), times: part.times } : part,
    ),
    '"',
  ]
}

/** Percent-encodes bytes, so a lone surrogate goes as the replacement character it becomes in UTF-8. */
function percent(text: string): string {
  let out = ''
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte)
    out += /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

function urlEncoded(parts: readonly Part[]): Part[] {
  return parts.map(
    (part): Part =>
      typeof part === 'string' ? percent(part) : 'repeat' in part ? { repeat: percent(part.repeat), times: part.times } : part,
  )
}

// ---------------------------------------------------------------------------------------------
// Values, written as JSON (variables) or as GraphQL literals (inline arguments)
// ---------------------------------------------------------------------------------------------

export type Value =
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'huge'; readonly unit: string; readonly times: number }
  | { readonly k: 'num'; readonly v: string }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'null' }
  | { readonly k: 'enum'; readonly v: string }
  | { readonly k: 'list'; readonly items: readonly Value[] }
  | { readonly k: 'obj'; readonly fields: ReadonlyArray<readonly [string, Value]> }
  | { readonly k: 'deep'; readonly depth: number; readonly shape: 'list' | 'object' }

const str = (v: string): Value => ({ k: 'str', v })
const num = (v: string | number): Value => ({ k: 'num', v: String(v) })

function join(pieces: readonly (readonly Part[])[], separator: string): Part[] {
  return pieces.flatMap((piece, index) => (index === 0 ? [...piece] : [separator, ...piece]))
}

/** Where JSON and a GraphQL literal differ: quoted names and enum values, and the spacing. */
interface Notation {
  readonly enumValue: (value: string) => string
  readonly fieldName: (name: string) => string
  readonly separator: string
  readonly open: string
  readonly close: string
}

const jsonNotation: Notation = {
  enumValue: (value) => JSON.stringify(value),
  fieldName: (name) => `${JSON.stringify(name)}:`,
  separator: ',',
  open: '{',
  close: '}',
}
const literalNotation: Notation = {
  enumValue: (value) => value,
  fieldName: (name) => `${name}: `,
  separator: ', ',
  open: '{ ',
  close: ' }',
}

function written(value: Value, notation: Notation): Part[] {
  switch (value.k) {
    case 'str':
      return [JSON.stringify(value.v)]
    case 'enum':
      return [notation.enumValue(value.v)]
    case 'huge':
      return jsonString([{ repeat: value.unit, times: value.times }])
    case 'num':
      return [value.v]
    case 'bool':
      return [String(value.v)]
    case 'null':
      return ['null']
    case 'list':
      return [
        '[',
        ...join(
          value.items.map((item) => written(item, notation)),
          notation.separator,
        ),
        ']',
      ]
    case 'obj': {
      const fields = value.fields.map(([name, field]) => [notation.fieldName(name), ...written(field, notation)])
      return [notation.open, ...join(fields, notation.separator), notation.close]
    }
    case 'deep':
      return value.shape === 'list'
        ? [
            { repeat: '[', times: value.depth },
            { repeat: ']', times: value.depth },
          ]
        : [
            { repeat: `${notation.open}${notation.fieldName('a')}`, times: value.depth },
            '1',
            { repeat: notation.close, times: value.depth },
          ]
  }
}

export const toJson = (value: Value): Part[] => written(value, jsonNotation)
export const toLiteral = (value: Value): Part[] => written(value, literalNotation)

// ---------------------------------------------------------------------------------------------
// The seed world, and pools of values
// ---------------------------------------------------------------------------------------------

export interface SeedIds {
  readonly plans: readonly string[]
  readonly indicators: readonly string[]
  readonly measures: readonly string[]
  readonly objectives: readonly string[]
  readonly areas: readonly string[]
  readonly budgetLines: readonly string[]
}

/** Ids of the entities the seed plans create, read off the commands that create them. */
export function seedIds(): SeedIds {
  const created = (type: string, field: string) => [
    ...new Set(seeds.flatMap((seed) => seed.commands.filter((command) => command.type === type).map((command) => String(command[field])))),
  ]
  return {
    plans: created('DraftPlan', 'planId'),
    indicators: created('DefineIndicator', 'indicatorId'),
    measures: created('AddMeasure', 'measureId'),
    objectives: created('AddObjective', 'objectiveId'),
    areas: created('AddArea', 'areaId'),
    budgetLines: created('PlanBudgetLine', 'budgetLineId'),
  }
}

/** What makes a 0.8 MB string on the wire, for several kinds of character. */
const hugeValue: fc.Arbitrary<Value> = fc.constantFrom<Value>(
  { k: 'huge', unit: 'a', times: 800_000 },
  { k: 'huge', unit: 'ë', times: 400_000 },
  { k: 'huge', unit: '9', times: 800_000 },
  { k: 'huge', unit: '\u0000', times: 130_000 },
  { k: 'huge', unit: '😀', times: 200_000 },
)

const oddStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202eELB',
  'E\u0301LB',
  'ELB\u200b',
  '\ufeff',
  '\\',
  '"',
  "'; DROP TABLE events; --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as plain text
  '${7*7}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\r\n',
  'null',
  '__proto__',
  'constructor',
  'NaN',
  '😀',
  'ë'.normalize('NFD'),
]

const oddString: fc.Arbitrary<Value> = fc.oneof(
  { weight: 55, arbitrary: fc.constantFrom(...oddStrings).map(str) },
  { weight: 30, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(str) },
  { weight: 14, arbitrary: fc.string({ maxLength: 20 }).map(str) },
  // Rare: a few hundred 0.8 MB requests are what a run can send in its time.
  { weight: 1, arbitrary: hugeValue },
)

const badUuids = (ids: readonly string[]): fc.Arbitrary<Value> =>
  fc.oneof(
    fc
      .constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '0', '-1', '1e3')
      .map(str),
    fc.uuid().map((id) => str(id.replaceAll('-', ''))),
    fc.uuid().map((id) => str(`{${id}}`)),
    fc.uuid().map((id) => str(`urn:uuid:${id}`)),
    fc.uuid().map((id) => str(`${id}0`)),
    fc.constantFrom(...ids).map((id) => str(`${id} `)),
    fc.constantFrom(...ids).map((id) => str(`\u0000${id}`)),
    fc.constantFrom(...ids).map((id) => str(id.slice(0, -1))),
  )

const years = fc.oneof(
  fc.integer({ min: 2020, max: 2030 }).map(num),
  fc.constantFrom(0, -1, 1, 9999, 10000, 2147483647, -2147483648).map(num),
)
const hostileInts = fc
  .constantFrom('2147483648', '-2147483649', '9007199254740993', '99999999999999999999999999', '1e3', '1.5', '-0', '1e400')
  .map(num)

/** Numbers as written that the service must refuse, or read exactly as written. */
const oddDecimals = [
  `0.${'0'.repeat(200)}1`,
  '1e5',
  '1E-5',
  '1,5',
  '+1',
  '.5',
  '5.',
  '-0',
  '00012',
  'NaN',
  'Infinity',
  '0x1F',
  ' 1',
  '١٢٣',
  '1_000',
  '--1',
]

/** Numbers written as strings, drawn by weight from `arms`, and now and then 800,000 nines. */
const numerals = (...arms: fc.WeightedArbitrary<Value>[]) =>
  fc.oneof(...arms, { weight: 1, arbitrary: fc.constant<Value>({ k: 'huge', unit: '9', times: 800_000 }) })
const numbersFrom = (weight: number, numbers: readonly string[]) => ({ weight, arbitrary: fc.constantFrom(...numbers).map(str) })

const decimals = numerals(
  numbersFrom(25, ['0', '1', '42', '1250.50', '-3', '0.000001', '100', '4800']),
  {
    weight: 25,
    arbitrary: fc
      .tuple(fc.integer({ min: 40, max: 400 }), fc.boolean(), fc.nat(60))
      .map(([digits, negative, fraction]) =>
        str(`${negative ? '-' : ''}${'9'.repeat(digits)}${fraction ? `.${'1'.repeat(fraction)}` : ''}`),
      ),
  },
  numbersFrom(9, oddDecimals),
)

const periods = fc.oneof(
  fc.constantFrom('2022', '2023', '2024', '2025', '2024-H1', '2024-Q3', 'end-of-plan').map(str),
  fc
    .constantFrom(
      '0000',
      '9999',
      '9999-Q4',
      '0000-H1',
      '2024-H3',
      '2024-Q5',
      '2024-Q0',
      '-001',
      '2024 ',
      '２０２４',
      '2024-q1',
      '20240',
      '2024-H1-Q1',
    )
    .map(str),
)

const dates = fc
  .constantFrom(
    '2024-01-31',
    '2024-06-30',
    '2026-12-31',
    '0000-01-01',
    '9999-12-31',
    '2024-02-29',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '24-01-01',
    '+012024-01-01',
    '2024-1-1',
    '2024-01-01T00:00:00Z',
  )
  .map(str)

const dateTimes = fc
  .constantFrom(
    '2025-03-01T09:00:00+01:00',
    '2024-01-01T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '0000-01-01T00:00:00+14:00',
    '9999-12-31T23:59:59Z',
    '9999-12-31T23:59:59.999999999-12:00',
    '2024-01-01T00:00:00',
    '2024-01-01T24:00:00Z',
    '2024-01-01T00:00:60Z',
    '2024-01-01T00:00:00+25:00',
    '275760-09-13T00:00:00Z',
    '1970-01-01T00:00:00Z',
  )
  .map(str)

/**
 * Positions below zero, padded or in other notations, and 2^63 and beyond: past a signed 64-bit
 * integer, SQLite's and most clients' limit.
 */
const strangePositions = [
  '-1',
  '9223372036854775807',
  '9223372036854775808',
  '18446744073709551616',
  `1${'0'.repeat(100)}`,
  '00000001',
  '1e3',
  ' 1',
  '1.0',
]
const positions = numerals(numbersFrom(20, ['0', '1', '100', '566', '567', '600']), numbersFrom(20, strangePositions))

const municipalityCodes = fc.oneof(
  fc.constantFrom('ELB', 'DRE', 'ELB', 'DRE', 'TIR').map(str),
  fc.constantFrom('elb', 'E', 'ELB-', 'ABCDEFGHIJKLMNOPQ', 'ELB\u0000', 'ÉLB').map(str),
)

/** A value of a different kind than asked for. */
const wrongKind: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 2147483648, 1e308).map(num),
  fc.boolean().map((v): Value => ({ k: 'bool', v })),
  fc.constant<Value>({ k: 'null' }),
  fc.constant<Value>({ k: 'list', items: [str('a'), num(1)] }),
  fc.constant<Value>({ k: 'obj', fields: [['a', num(1)]] }),
  fc
    .constantFrom(10, 1000, 4000, 100_000)
    .chain((depth) => fc.constantFrom<Value>({ k: 'deep', depth, shape: 'list' }, { k: 'deep', depth, shape: 'object' })),
  oddString,
)

export interface Pools {
  readonly ids: SeedIds
  readonly allIds: readonly string[]
}

export function poolsOf(ids: SeedIds): Pools {
  return { ids, allIds: [...ids.plans, ...ids.indicators, ...ids.measures, ...ids.objectives, ...ids.areas, ...ids.budgetLines] }
}

function idsFor(name: string, pools: Pools): readonly string[] {
  const { ids } = pools
  const byName: Record<string, readonly string[]> = {
    planId: ids.plans,
    indicatorId: ids.indicators,
    measureId: ids.measures,
    objectiveId: ids.objectives,
    parentObjectiveId: ids.objectives,
    areaId: ids.areas,
    budgetLineId: ids.budgetLines,
  }
  return byName[name] ?? pools.allIds
}

function idValue(name: string, pools: Pools): fc.Arbitrary<Value> {
  if (name === 'commandId')
    return fc.oneof(
      { weight: 8, arbitrary: fc.uuid().map(str) },
      { weight: 1, arbitrary: fc.uuid().map((id) => str(id.toUpperCase())) },
      { weight: 1, arbitrary: badUuids(pools.allIds) },
    )
  const known = idsFor(name, pools)
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...known).map(str) },
    { weight: 1, arbitrary: fc.constantFrom(...known).map((id) => str(id.toUpperCase())) },
    { weight: 2, arbitrary: fc.uuid().map(str) },
    { weight: 1, arbitrary: fc.constantFrom(...pools.allIds).map(str) },
    ...(name === 'entityId' ? [{ weight: 2, arbitrary: municipalityCodes }] : []),
  )
}

/** A value that could be right for the field: what a client that means well would send. */
function plausibleScalar(scalar: string, name: string, pools: Pools): fc.Arbitrary<Value> {
  if (scalar === 'ID' || name.endsWith('Id') || name === 'id') return idValue(name, pools)
  if (name === 'municipality' || (name === 'code' && scalar === 'String'))
    return fc.oneof(municipalityCodes, fc.constantFrom('I', 'II.1', 'I.1.1/a', 'T1').map(str))
  switch (scalar) {
    case 'Decimal':
      return fc.constantFrom('0', '1', '42', '1250.50', '0.9', '4800', '120000').map(str)
    case 'Period':
      return periods
    case 'Date':
      return fc.constantFrom('2024-01-31', '2024-06-30', '2025-02-01').map(str)
    case 'DateTime':
      return fc.constantFrom('2025-03-01T09:00:00+01:00', '2024-12-31T23:00:00Z').map(str)
    case 'Position':
      return fc.constantFrom('1', '100', '300', '566').map(str)
    case 'Int':
      if (name === 'first') return fc.constantFrom(0, 1, 10, 50, 200).map(num)
      if (name === 'expectedRevision') return fc.constantFrom(-1, 0, 3, 40).map(num)
      return years
    case 'Boolean':
      return fc.boolean().map((v): Value => ({ k: 'bool', v }))
    case 'JSON':
      return fc.constantFrom<Value>({ k: 'obj', fields: [['a', num(1)]] }, { k: 'list', items: [] })
    default:
      if (name === 'period') return periods
      if (name === 'after') return fc.constantFrom('0', '10', '566', 'abc').map(str)
      if (name === 'streamPrefix') return fc.constantFrom('plan-', 'indicator-', 'budget-line-', 'municipality-ELB', '$all', '').map(str)
      if (name === 'types') return fc.constantFrom('indicator.value-reported.v1', 'plan', 'indicator', '$').map(str)
      if (name === 'expectedHead') return fc.constantFrom(`566:${'0'.repeat(64)}`, '1:abc', 'zz').map(str)
      if (name === 'nationalCode') return fc.constantFrom('B.1.1', 'x', '').map(str)
      if (name === 'categories' || name === 'category')
        return fc.constantFrom('dv-specialised-services', 'gender-responsive-budgeting', 'UPPER', 'a b').map(str)
      return fc.oneof(
        fc.constantFrom('Plan prove', 'Masa I.1.2', 'Nr. 45', 'Buxheti vendor', 'budget-share').map(str),
        fc.string({ maxLength: 12 }).map(str),
      )
  }
}

/** A value meant to hurt: past a bound, of an odd character, or of the wrong form. */
function hostileScalar(scalar: string, name: string, pools: Pools): fc.Arbitrary<Value> {
  if (scalar === 'ID' || name.endsWith('Id') || name === 'id')
    return fc.oneof(
      badUuids(pools.allIds),
      oddString,
      fc.constantFrom(...pools.allIds).map((id) => str(id.toUpperCase())),
    )
  switch (scalar) {
    case 'Decimal':
      return decimals
    case 'Period':
      return periods
    case 'Date':
      return dates
    case 'DateTime':
      return dateTimes
    case 'Position':
      return positions
    case 'Int':
      return fc.oneof(hostileInts, years, fc.constantFrom(-1, -2, 201, 2147483647).map(num))
    default:
      if (name === 'municipality' || name === 'code') return fc.oneof(municipalityCodes, oddString)
      if (name === 'period') return fc.oneof(periods, oddString)
      if (name === 'after') return fc.oneof(positions, oddString)
      return oddString
  }
}

interface ValueOptions {
  /** The chance, in 0–1, that a scalar is hostile rather than plausible. */
  readonly hostility: number
  readonly pools: Pools
}

function weighted(hostility: number, plausible: fc.Arbitrary<Value>, hostile: fc.Arbitrary<Value>): fc.Arbitrary<Value> {
  const hostileWeight = Math.round(hostility * 100)
  if (hostileWeight <= 0) return plausible
  return fc.oneof(
    { weight: 100 - hostileWeight, arbitrary: plausible },
    { weight: Math.round(hostileWeight * 0.75), arbitrary: hostile },
    { weight: Math.max(1, Math.round(hostileWeight * 0.25)), arbitrary: wrongKind },
  )
}

/** A value for an input of the schema, by its type and the name it goes under. */
function inputValue(type: GraphQLInputType, name: string, options: ValueOptions, depth = 0): fc.Arbitrary<Value> {
  if (isNonNullType(type)) {
    const inner = inputValue(type.ofType, name, options, depth)
    const nulls = Math.round(options.hostility * 10)
    return nulls > 0 ? fc.oneof({ weight: 100, arbitrary: inner }, { weight: nulls, arbitrary: fc.constant<Value>({ k: 'null' }) }) : inner
  }
  if (isListType(type)) {
    const item = inputValue(type.ofType, name, options, depth + 1)
    return fc.oneof(
      { weight: 6, arbitrary: fc.array(item, { maxLength: 3 }).map((items): Value => ({ k: 'list', items })) },
      // A single value where a list is expected is coerced to a list of one: still a list input.
      { weight: 1, arbitrary: item },
      // Long lists of plain values only: long lists of objects of lists would take the generator longer than the server.
      ...(options.hostility > 0 && depth <= 1 && !isInputObjectType(getNamedType(type.ofType))
        ? [
            {
              weight: 1,
              arbitrary: fc
                .array(inputValue(type.ofType, name, { ...options, hostility: 0 }, depth + 1), { minLength: 200, maxLength: 2000 })
                .map((items): Value => ({ k: 'list', items })),
            },
          ]
        : []),
    )
  }
  if (isInputObjectType(type)) {
    if (depth > 8) return fc.constant<Value>({ k: 'obj', fields: [] })
    const fields = Object.values(type.getFields())
    const parts = fields.map((field) => {
      const required = isNonNullType(field.type)
      const value = inputValue(field.type, field.name, options, depth + 1)
      const keep = required ? 1 - options.hostility * 0.05 : 0.35
      return fc.tuple(roll, value).map(([roll, v]) => (roll < keep ? ([field.name, v] as const) : null))
    })
    const unknownNames = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('nope', 'commandId2', 'planID') },
      { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor') },
    )
    const unknown = sometimes(fc.tuple(unknownNames, oddString), options.hostility * 0.5)
    return fc.tuple(fc.tuple(...parts), unknown).map(
      ([chosen, extra]): Value => ({
        k: 'obj',
        fields: [...chosen.filter((entry) => entry !== null), ...(extra === null ? [] : [extra])],
      }),
    )
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name)
    const plausible = fc.constantFrom(...values).map((v): Value => ({ k: 'enum', v }))
    const hostile = fc.oneof(
      fc.constantFrom(...values).map((v) => str(v)),
      fc.constantFrom('NOPE', 'true', 'null', '__proto__').map((v): Value => ({ k: 'enum', v })),
      fc.constantFrom(...values).map((v): Value => ({ k: 'enum', v: v.toUpperCase() })),
      fc.constantFrom(...values).map((v): Value => ({ k: 'enum', v: v.replaceAll('_', '-') })),
    )
    return weighted(options.hostility, plausible, hostile)
  }
  const scalar = getNamedType(type).name
  return weighted(options.hostility, plausibleScalar(scalar, name, options.pools), hostileScalar(scalar, name, options.pools))
}

// ---------------------------------------------------------------------------------------------
// Operations from the schema
// ---------------------------------------------------------------------------------------------

export interface Operation {
  readonly document: readonly Part[]
  readonly variables?: ReadonlyArray<readonly [string, Value]>
  readonly operationName?: Value
}

interface Argument {
  readonly name: string
  readonly type: string
  readonly value: Value
}

interface FieldText {
  readonly parts: readonly Part[]
  readonly args: readonly Argument[]
}

/** A number in [0, 1), spread evenly: fast-check's own numbers lean to their bounds, and a share must not. */
const roll = fc.noBias(fc.integer({ min: 0, max: 9_999 })).map((n) => n / 10_000)

/** The value `chance` of the time (0–1), null otherwise. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, chance: number): fc.Arbitrary<T | null> {
  const weight = Math.round(chance * 1000)
  return weight <= 0 ? fc.constant(null) : fc.oneof({ weight: 1000 - weight, arbitrary: fc.constant(null) }, { weight, arbitrary })
}

const identifier = fc.constantFrom('a', 'b', 'x1', 'first', 'plan', '__typename', 'data', 'errors', 'z_9')

export class SchemaWalk {
  readonly schema: GraphQLSchema
  readonly pools: Pools

  constructor(pools: Pools, schema = buildSchema(schemaSource())) {
    this.schema = schema
    this.pools = pools
  }

  /** A field with its arguments and, below it, a selection `depth` levels deep at most. */
  field(field: GraphQLField<unknown, unknown>, depth: number, hostility: number): fc.Arbitrary<FieldText> {
    const named = getNamedType(field.type)
    const args = field.args.map((argument: GraphQLArgument) => {
      const required = isNonNullType(argument.type)
      const keep = required ? 1 - hostility * 0.05 : hostility > 0 ? 0.5 : 0.25
      return fc
        .tuple(roll, inputValue(argument.type, argument.name, { hostility, pools: this.pools }))
        .map(([roll, value]) => (roll < keep ? { name: argument.name, type: String(argument.type), value } : null))
    })
    const selection: fc.Arbitrary<readonly Part[]> = isObjectType(named)
      ? depth <= 1
        ? fc.constant(['{ __typename }'])
        : this.selection(named, depth - 1, hostility).map((text) => text.parts)
      : fc.constant([])
    return fc.tuple(sometimes(identifier, 0.1), fc.tuple(...args), selection).map(([alias, chosen, below]) => {
      const given = chosen.filter((argument) => argument !== null)
      const head = `${alias === null ? '' : `${alias}_: `}${field.name}`
      // The arguments stay a marker until the operation knows whether they go inline or as variables.
      return { parts: [head, ...(given.length > 0 ? ['(', `\u0000ARGS${field.name}\u0000`, ')'] : []), ' ', ...below], args: given }
    })
  }

  selection(type: GraphQLObjectType, depth: number, hostility: number): fc.Arbitrary<FieldText> {
    const fields = Object.values(type.getFields())
    return fc
      .subarray(fields, { minLength: 1, maxLength: Math.min(4, fields.length) })
      .chain((chosen) => fc.tuple(...chosen.map((field) => this.field(field, depth, hostility))))
      .map((texts) => ({ parts: ['{ ', ...texts.flatMap((text) => [...placeArgs(text), ' ']), '}'], args: [] }))
  }

  /**
   * One operation on `count` root fields of `root`, their arguments inline or as variables
   * (sometimes declared with the wrong type).
   */
  operation(
    root: 'query' | 'mutation',
    options: { readonly depth: number; readonly hostility: number; readonly count?: number },
  ): fc.Arbitrary<Operation> {
    const rootType = root === 'query' ? this.schema.getQueryType()! : this.schema.getMutationType()!
    const all = Object.values(rootType.getFields())
    const count = options.count ?? 1
    return fc
      .tuple(
        fc.array(fc.constantFrom(...all), { minLength: count, maxLength: count }),
        fc.constantFrom<'inline' | 'variables'>('inline', 'variables'),
        roll,
      )
      .chain(([fields, style, mistype]) =>
        fc
          .tuple(
            ...fields.map((field, index) =>
              root === 'mutation'
                ? this.mutationField(field, index, options.hostility)
                : this.field(field, options.depth, options.hostility),
            ),
          )
          .map((texts) => {
            const variables: Array<readonly [string, Value]> = []
            const definitions: string[] = []
            const bodies = texts.map((text, fieldIndex) =>
              placeArgs(text, (argument, index) => {
                if (style === 'inline') return toLiteral(argument.value)
                const name = `v${fieldIndex}_${index}`
                // A variable declared with another type than the argument's is a client's slip worth making.
                const declared = mistype < options.hostility * 0.1 ? (argument.type.includes('Int') ? 'String' : 'Int') : argument.type
                definitions.push(`$${name}: ${declared}`)
                variables.push([name, argument.value])
                return [`$${name}`]
              }),
            )
            const head = definitions.length > 0 ? `${root} (${definitions.join(', ')}) ` : root === 'mutation' ? 'mutation ' : ''
            return { document: [head, '{ ', ...join(bodies, ' '), ' }'], ...(variables.length > 0 && { variables }) }
          }),
      )
  }

  /** A mutation field with its input, asking for what tells whether and what it wrote. */
  private mutationField(field: GraphQLField<unknown, unknown>, index: number, hostility: number): fc.Arbitrary<FieldText> {
    const payload = getNamedType(field.type)
    // Whatever else is asked for, the fields that say what was written, so writes can be counted.
    const fields = isObjectType(payload) ? payload.getFields() : {}
    const acknowledgement =
      'eventTypes' in fields
        ? '{ commandId position replayed eventTypes }'
        : 'sealed' in fields
          ? '{ sealed position }'
          : 'recordPosition' in fields
            ? '{ recordPosition }'
            : null
    const args = field.args.map((argument) =>
      inputValue(argument.type, argument.name, { hostility, pools: this.pools }).map((value) => ({
        name: argument.name,
        type: String(argument.type),
        value,
      })),
    )
    const extra: fc.Arbitrary<readonly Part[]> =
      acknowledgement !== null && isObjectType(payload)
        ? sometimes(
            this.selection(payload, 3, 0).map((text) => text.parts),
            0.3,
          ).map((parts) => parts ?? [])
        : fc.constant([])
    const fallback: fc.Arbitrary<readonly Part[]> = isObjectType(payload)
      ? this.selection(payload, 2, 0).map((text) => text.parts)
      : fc.constant([])
    return fc.tuple(fc.tuple(...args), acknowledgement === null ? fallback : extra).map(([given, more]) => ({
      parts: [
        `m${index}: ${field.name}`,
        ...(given.length > 0 ? ['(', `\u0000ARGS${field.name}\u0000`, ')'] : []),
        ' ',
        ...(acknowledgement === null ? more : [acknowledgement.slice(0, -1), ...more.slice(1, -1), ' }']),
      ],
      args: given,
    }))
  }
}

/** Puts a field's arguments where its marker stands, written by `write` (inline by default). */
function placeArgs(
  text: FieldText,
  write: (argument: Argument, index: number) => readonly Part[] = (argument) => toLiteral(argument.value),
): Part[] {
  return text.parts.flatMap((part): Part[] => {
    if (typeof part === 'string' && part.startsWith('\u0000ARGS'))
      return join(
        text.args.map((argument, index) => [`${argument.name}: `, ...write(argument, index)]),
        ', ',
      )
    return [part]
  })
}

/** The JSON body of a GraphQL request. */
export function graphqlBody(operation: Operation): Part[] {
  const entries: Array<readonly Part[]> = [['"query":', ...jsonString(operation.document)]]
  if (operation.variables !== undefined) entries.push(['"variables":', ...variablesJson(operation.variables)])
  if (operation.operationName !== undefined) entries.push(['"operationName":', ...toJson(operation.operationName)])
  return ['{', ...join(entries, ','), '}']
}

/** The query string of a GET: each value percent-encoded, parts kept symbolic. */
export function queryString(entries: ReadonlyArray<readonly [string, readonly Part[]]>): Part[] {
  return [
    '/graphql?',
    ...join(
      entries.map(([name, value]) => [`${percent(name)}=`, ...urlEncoded(value)]),
      '&',
    ),
  ]
}

export function variablesJson(variables: ReadonlyArray<readonly [string, Value]>): Part[] {
  return [
    '{',
    ...join(
      variables.map(([name, value]) => [JSON.stringify(name), ':', ...toJson(value)]),
      ',',
    ),
    '}',
  ]
}

// ---------------------------------------------------------------------------------------------
// The families of requests
// ---------------------------------------------------------------------------------------------

const json: readonly (readonly [string, string])[] = [['content-type', 'application/json']]
const simpleQueries = [
  '{ viewer { role } }',
  '{ commandTypes }',
  '{ plans { totalCount } }',
  '{ __typename }',
  '{ municipality(code: "ELB") { code name { sq } } }',
]
const simpleQuery = fc.constantFrom(...simpleQueries)

function post(
  label: string,
  body: readonly Part[],
  options: { headers?: ReadonlyArray<readonly [string, string]>; auth?: Auth } = {},
): FuzzRequest {
  return { label, method: 'POST', path: ['/graphql'], headers: options.headers ?? json, auth: options.auth ?? 'anonymous', body }
}

const anyCaller = fc.constantFrom<Auth>('anonymous', 'anonymous', 'admin', 'editorElbasan', 'editorDrenas', 'viewer', 'ministry')

/** A family's requests: a case drawn by weight, posted by any caller, labelled `family:kind`. */
function postedByAnyCaller<Case extends { readonly kind: string }>(
  family: string,
  body: (fuzzCase: Case) => readonly Part[],
  ...cases: fc.WeightedArbitrary<Case>[]
): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(fc.oneof(...cases), anyCaller).map(([fuzzCase, auth]) => post(`${family}:${fuzzCase.kind}`, body(fuzzCase), { auth }))
}

function bodyFamily(): fc.Arbitrary<FuzzRequest> {
  const valid = '{"query":"{ viewer { role } }","variables":{"a":1},"operationName":null}'
  const invalidJson = fc.oneof(
    fc
      .constantFrom(
        '{',
        '{"query":',
        '{"query": "{ viewer { role } }",}',
        "{'query': '{ viewer { role } }'}",
        '{"query": "{ viewer { role } }"} trailing',
        '{"query": NaN}',
        '{"query": "{ viewer { role } }", "variables": {"a": Infinity}}',
        '\ufeff{"query":"{ viewer { role } }"}',
        '{"query":"\\x41"}',
        '{"query":"\\ud800"}',
        '{"query":"{ viewer { role } }","query":1}',
        '{"__proto__":{"query":"{ viewer { role } }"}}',
        '{"query":"{ viewer { role } }","constructor":{"prototype":{"polluted":true}}}',
        '{"query":"{ viewer { role } }","__proto__":{"variables":{"a":1}}}',
        '{"query":"{ viewer { role } }" /* comment */}',
        '',
        ' ',
        '\u0000',
      )
      .map((body) => ({ kind: 'invalid-json', body: [body] as Part[] })),
    fc.string({ unit: 'binary', maxLength: 120 }).map((body) => ({ kind: 'random-text', body: [body] as Part[] })),
    fc.nat({ max: valid.length - 1 }).map((cut) => ({ kind: 'truncated-json', body: [valid.slice(0, cut)] as Part[] })),
    fc
      .constantFrom('c328', 'eda080', 'fffe', 'c0af', 'f888808080', '80', 'ff')
      .map((hex) => ({ kind: 'invalid-utf8', body: ['{"query":"{ viewer { role } }","x":"', { hex }, '"}'] as Part[] })),
  )
  const wrongValues: Record<'query' | 'variables' | 'operationName' | 'extensions', fc.Arbitrary<Value>> = {
    query: fc.oneof(
      fc.constantFrom<Value>(
        num(1),
        num(0),
        { k: 'null' },
        { k: 'bool', v: true },
        { k: 'list', items: [str('{ viewer { role } }')] },
        { k: 'obj', fields: [['query', str('{ viewer { role } }')]] },
        str(''),
        str('   '),
        str('#'),
      ),
      hugeValue,
      fc.constantFrom<Value>({ k: 'deep', depth: 10_000, shape: 'list' }, { k: 'deep', depth: 10_000, shape: 'object' }),
    ),
    variables: fc.constantFrom<Value>(
      str('x'),
      str('{"a":1}'),
      { k: 'list', items: [] },
      { k: 'list', items: [num(1)] },
      num(3),
      { k: 'bool', v: false },
      { k: 'deep', depth: 50_000, shape: 'object' },
      { k: 'obj', fields: [['a', { k: 'huge', unit: 'a', times: 800_000 }]] },
    ),
    operationName: fc.constantFrom<Value>(
      num(5),
      { k: 'obj', fields: [] },
      { k: 'list', items: [str('a')] },
      str(''),
      str('Nope'),
      str('\u0000'),
      { k: 'huge', unit: 'a', times: 800_000 },
      { k: 'bool', v: true },
    ),
    extensions: fc.constantFrom<Value>(
      str('x'),
      num(5),
      { k: 'list', items: [] },
      {
        k: 'obj',
        fields: [
          [
            'persistedQuery',
            {
              k: 'obj',
              fields: [
                ['version', num(1)],
                ['sha256Hash', str('abc')],
              ],
            },
          ],
        ],
      },
      { k: 'obj', fields: [['persistedQuery', { k: 'obj', fields: [['version', str('x')]] }]] },
      {
        k: 'obj',
        fields: [
          [
            'persistedQuery',
            {
              k: 'obj',
              fields: [
                ['version', num(1)],
                ['sha256Hash', str('0'.repeat(64))],
              ],
            },
          ],
        ],
      },
      { k: 'deep', depth: 50_000, shape: 'object' },
      { k: 'obj', fields: [['a', { k: 'huge', unit: 'a', times: 800_000 }]] },
    ),
  }
  const wrongShape = fc
    .tuple(fc.constantFrom('query', 'variables', 'operationName', 'extensions') as fc.Arbitrary<keyof typeof wrongValues>, simpleQuery)
    .chain(([key, query]) =>
      wrongValues[key].map((value) => {
        const entries: Part[][] = key === 'query' ? [] : [['"query":', JSON.stringify(query)]]
        entries.push([`"${key}":`, ...toJson(value)])
        return {
          kind: `${key}-${value.k === 'huge' ? 'huge' : value.k === 'deep' ? 'deep' : value.k}`,
          body: ['{', ...join(entries, ','), '}'] as Part[],
        }
      }),
    )
  const notAnObject = fc
    .constantFrom(
      '[]',
      '[{"query":"{ viewer { role } }"}]',
      '1',
      '"{ viewer { role } }"',
      'null',
      'true',
      '{}',
      '{"query":null,"variables":null}',
    )
    .map((body) => ({ kind: 'not-an-object', body: [body] as Part[] }))
  const huge = fc.constantFrom<{ kind: string; body: Part[] }>(
    { kind: 'huge-string-literal', body: ['{"query":"{ municipality(code: \\"', { repeat: 'a', times: 800_000 }, '\\") { code } }"}'] },
    {
      kind: 'huge-variable',
      body: [
        '{"query":"query ($c: String!) { municipality(code: $c) { code } }","variables":{"c":"',
        { repeat: 'ë', times: 400_000 },
        '"}}',
      ],
    },
    { kind: 'huge-unknown-key', body: ['{"query":"{ viewer { role } }","padding":"', { repeat: 'a', times: 800_000 }, '"}'] },
    { kind: 'huge-comment', body: ['{"query":"#', { repeat: 'x', times: 800_000 }, '\\n{ viewer { role } }"}'] },
    { kind: 'huge-whitespace', body: ['{"query":"', { repeat: ' ', times: 800_000 }, '{ viewer { role } }"}'] },
    { kind: 'huge-whitespace-json', body: ['{"query":"{ viewer { role } }"', { repeat: ' ', times: 800_000 }, '}'] },
    { kind: 'over-body-limit', body: ['{"query":"{ viewer { role } }","padding":"', { repeat: 'a', times: 1_200_000 }, '"}'] },
    { kind: 'many-keys', body: ['{"query":"{ viewer { role } }"', { repeat: ',"k":1', times: 100_000 }, '}'] },
    {
      kind: 'many-variables',
      body: ['{"query":"{ viewer { role } }","variables":{', { repeat: '"a":[1,2,3],', times: 50_000 }, '"b":1}}'],
    },
  )
  const deep = fc.constantFrom(100, 5_000, 100_000, 300_000).chain((depth) =>
    fc.constantFrom<{ kind: string; body: Part[] }>(
      {
        kind: 'deep-variables',
        body: [
          '{"query":"query ($j: JSON) { viewer { role } }","variables":{"j":',
          { repeat: '[', times: depth },
          { repeat: ']', times: depth },
          '}}',
        ],
      },
      {
        kind: 'deep-json-argument',
        body: [
          '{"query":"query ($v: JSON) { history(entityId: \\"ELB\\", after: $v) { totalCount } }","variables":{"v":',
          { repeat: '{"a":', times: depth },
          '1',
          { repeat: '}', times: depth },
          '}}',
        ],
      },
      {
        kind: 'deep-top-level',
        body: [
          { repeat: '[', times: depth },
          { repeat: ']', times: depth },
        ],
      },
      {
        kind: 'deep-unknown-key',
        body: ['{"query":"{ viewer { role } }","x":', { repeat: '{"a":', times: depth }, '1', { repeat: '}', times: depth }, '}'],
      },
    ),
  )
  return postedByAnyCaller(
    'body',
    ({ body }) => body,
    { weight: 4, arbitrary: invalidJson },
    { weight: 4, arbitrary: wrongShape },
    { weight: 1, arbitrary: notAnObject },
    { weight: 1, arbitrary: huge },
    { weight: 1, arbitrary: deep },
  )
}

function contentFamily(): fc.Arbitrary<FuzzRequest> {
  const contentTypes = [
    null,
    '',
    'application/json',
    'application/graphql',
    'application/graphql; charset=utf-8',
    'application/graphql-response+json',
    'text/plain',
    'text/plain; charset=utf-8',
    'multipart/form-data; boundary=fuzz',
    'multipart/form-data',
    'application/x-www-form-urlencoded',
    'application/json; charset=utf-16',
    'application/json; charset=utf-16le',
    'application/json; charset=latin1',
    'application/json; charset=ebcdic',
    'application/json; charset="utf-8"',
    'application/json; charset=',
    'APPLICATION/JSON',
    'application/json;;;',
    'application/jsonx',
    'application/*',
    '*/*',
    'application/json, text/plain',
    `application/json; boundary=${'x'.repeat(300)}`,
    'application/octet-stream',
  ]
  const accepts = [
    null,
    '*/*',
    'application/graphql-response+json',
    'text/html',
    'application/json;q=0',
    'application/graphql-response+json;q=abc',
    'application/json;q=0, application/graphql-response+json;q=0',
    `${'a/b, '.repeat(500)}application/json`,
  ]
  const bodies = {
    json: ['{"query":"{ viewer { role } }"}'] as Part[],
    document: ['{ viewer { role } }'] as Part[],
    form: ['query=%7B%20viewer%20%7B%20role%20%7D%20%7D'] as Part[],
    multipart: [
      '--fuzz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ viewer { role } }"}\r\n--fuzz\r\nContent-Disposition: form-data; name="map"\r\n\r\n{}\r\n--fuzz--\r\n',
    ] as Part[],
    utf16: [{ utf16: '{"query":"{ viewer { role } }"}' }] as Part[],
    latin1: [{ hex: Buffer.from('{"query":"{ municipality(code: \\"ËLB\\") { code } }"}', 'latin1').toString('hex') }] as Part[],
    empty: [] as Part[],
  }
  return fc
    .tuple(
      fc.constantFrom(...contentTypes),
      fc.constantFrom(...(Object.keys(bodies) as (keyof typeof bodies)[])),
      fc.constantFrom(...accepts),
      anyCaller,
    )
    .map(([type, kind, accept, auth]) =>
      post(`content:${kind}`, bodies[kind], {
        headers: [...(type === null ? [] : [['content-type', type] as const]), ...(accept === null ? [] : [['accept', accept] as const])],
        auth,
      }),
    )
}

function methodFamily(): fc.Arbitrary<FuzzRequest> {
  const queries = fc.constantFrom<Part[]>(
    ['{ viewer { role } }'],
    ['query Q { viewer { role } }'],
    ['mutation { sealLog { sealed position } }'],
    [
      'mutation { setBaseline(input: { commandId: "0b7d9a52-6f0e-4c57-9a43-2f7d1c9e8a10", indicatorId: "ac33305b-035f-5c9a-9d72-31ad4c7f0c8c", value: "20", year: 2023 }) { position } }',
    ],
    ['subscription { indicatorValueReported { position } }'],
    ['{ viewer { role }'],
    [''],
    ['query { plans(first: 2) { totalCount } } mutation { sealLog { sealed } }'],
    [{ repeat: '{ __typename } ', times: 100 }],
  )
  const variables = fc.constantFrom<Part[] | null>(
    null,
    ['{}'],
    ['{not json'],
    ['[]'],
    ['"x"'],
    ['null'],
    ['1'],
    ['{"a":"\\ud800"}'],
    [
      { repeat: '[', times: 2000 },
      { repeat: ']', times: 2000 },
    ],
  )
  const operationName = fc.constantFrom<Part[] | null>(null, ['Nope'], [''], ['Q'], ['\u0000'], ['{}'])
  const extensions = fc.constantFrom<Part[] | null>(null, ['{'], ['[]'], ['{"persistedQuery":{"version":1,"sha256Hash":"abc"}}'], ['null'])
  const get = fc
    .tuple(
      fc.option(queries, { freq: 8 }),
      variables,
      operationName,
      extensions,
      fc.constantFrom(0, 0, 0, 1, 2),
      anyCaller,
      fc.constantFrom('GET', 'GET', 'GET', 'HEAD'),
    )
    .map(([query, vars, name, ext, extraQueries, auth, method]): FuzzRequest => {
      const entries: Array<readonly [string, readonly Part[]]> = []
      if (query !== null) entries.push(['query', query])
      for (let index = 0; index < extraQueries; index++) entries.push(['query', ['{ commandTypes }']])
      if (vars !== null) entries.push(['variables', vars])
      if (name !== null) entries.push(['operationName', name])
      if (ext !== null) entries.push(['extensions', ext])
      return { label: `method:${method}-params`, method, path: queryString(entries), headers: [], auth }
    })
  const others = fc
    .tuple(fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'GET', 'POST'), fc.boolean(), fc.boolean(), anyCaller)
    .map(
      ([method, withBody, withParams, auth]): FuzzRequest => ({
        label: `method:${method}${withBody ? '-with-body' : ''}`,
        method,
        path: withParams ? queryString([['query', ['{ commandTypes }']]]) : ['/graphql'],
        headers: withBody
          ? json
          : method === 'OPTIONS'
            ? [
                ['origin', 'http://evil.example'],
                ['access-control-request-method', 'POST'],
              ]
            : [],
        auth,
        ...(withBody && { body: ['{"query":"mutation { sealLog { sealed position } }"}'] }),
      }),
    )
  return fc.oneof({ weight: 3, arbitrary: get }, { weight: 2, arbitrary: others })
}

function documentFamily(walk: SchemaWalk): fc.Arbitrary<FuzzRequest> {
  const valid = '{ plans(municipality: "ELB", first: 2) { edges { node { id title { sq } indicators { code attainment { value } } } } } }'
  const syntax = fc
    .oneof(
      fc.constantFrom(
        '{ viewer { role }',
        '{ viewer { role } } }',
        '{ viewer { role ',
        'query query query',
        '{ "x" }',
        '{ viewer(role: ) { role } }',
        '{ 1 }',
        'fragment F on Query',
        '"""',
        '{ viewer { role } } extra',
        '{ viewer { ro\u0000le } }',
        '{ municipality(code: "\u0000") { code } }',
        '{ municipality(code: "\ud800") { code } }',
        '{ municipality(code: "\\ud800") { code } }',
        '{ municipality(code: "\\u{110000}") { code } }',
        '{ municipality(code: """\ud800""") { code } }',
        '{ \ud83d }',
        '{ viewer { role } } # \ud800',
        'schema { query: Query }',
        'type X { a: Int }',
        '{ ...on }',
        '{ a: b: viewer { role } }',
        '\ufeff{ viewer { role } }',
      ),
      fc.nat({ max: valid.length - 1 }).map((cut) => valid.slice(0, cut)),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: 'grapheme-ascii', maxLength: 80 }),
    )
    .map((document) => ({ kind: 'syntax', operation: { document: [document] } as Operation }))
  const tokens = fc.constantFrom(10_001, 50_000).map((count) => ({
    kind: 'too-many-tokens',
    operation: { document: ['{ ', { repeat: 'commandTypes ', times: count }, '}'] } as Operation,
  }))
  const invalid = fc
    .constantFrom(
      '{ nope }',
      '{ viewer { nope } }',
      '{ viewer }',
      '{ commandTypes { name } }',
      '{ plan(nope: 1) { id } }',
      '{ plan { id } }',
      '{ plan(id: 1) { id } }',
      '{ plan(id: ["a"]) { id } }',
      '{ plans(kind: "gender_equality") { totalCount } }',
      '{ plans(kind: nope) { totalCount } }',
      '{ plans(first: "2") { totalCount } }',
      '{ plans(first: 2.5) { totalCount } }',
      '{ plans(first: 2147483648) { totalCount } }',
      '{ budgetSummary(municipality: "ELB", fiscalYear: 99999999999) { currency } }',
      'query ($a: Nope) { viewer { role } }',
      'query ($a: Int = "x") { viewer { role } }',
      'query ($a: Int) { plans(first: $b) { totalCount } }',
      'query ($a: Int, $a: Int) { plans(first: $a) { totalCount } }',
      'query ($a: String) { plans(first: $a) { totalCount } }',
      'query ($a: AsOf) { viewer { role } }',
      '{ ... on Plan { id } }',
      '{ ... on Nowhere { id } }',
      'query A { viewer { role } } query B { commandTypes }',
      'query A { viewer { role } } query A { commandTypes }',
      '{ viewer { role } } query B { commandTypes }',
      '{ a: viewer { role } a: commandTypes }',
      '{ plan(id: "x") { id } plan(id: "y") { id } }',
      '{ __type(name: "\u0000") { name } }',
      '{ __type(name: "Plan") { fields(includeDeprecated: true) { name args { name type { name } } } } }',
      '{ __schema { types { name } } }',
      'mutation { __typename }',
      'mutation { nope }',
      'subscription { __typename }',
      'mutation M { sealLog { sealed } } mutation M { sealLog { sealed } }',
    )
    .map((document) => ({ kind: 'invalid', operation: { document: [document] } as Operation }))
  const subscriptions = fc
    .tuple(
      fc.constantFrom('indicatorValueReported', 'measureStatusChanged', 'budgetChanged'),
      fc.constantFrom('', '(planId: "x")', '(municipality: "ELB")', '(planId: 1)'),
      fc.boolean(),
    )
    .map(([field, args, two]) => ({
      kind: 'subscription-over-post',
      operation: { document: [`subscription { ${field}${args} { position } ${two ? 'budgetChanged { position }' : ''} }`] } as Operation,
    }))
  const operationNames = fc
    .tuple(
      fc.constantFrom('query A { viewer { role } } query B { commandTypes }', 'query A { viewer { role } }', '{ viewer { role } }'),
      fc.constantFrom<Value>(str('C'), str('A'), str(''), str('\u0000'), num(1), { k: 'null' }),
    )
    .map(([document, operationName]) => ({ kind: 'operation-name', operation: { document: [document], operationName } as Operation }))
  const unknownInjected = walk.operation('query', { depth: 3, hostility: 0.2 }).map((operation) => ({
    kind: 'schema-with-unknown-field',
    operation: { ...operation, document: [...operation.document.slice(0, -1), ' nope { x } }'] } as Operation,
  }))
  return postedByAnyCaller(
    'document',
    ({ operation }) => graphqlBody(operation),
    { weight: 4, arbitrary: syntax },
    { weight: 1, arbitrary: tokens },
    { weight: 4, arbitrary: invalid },
    { weight: 2, arbitrary: subscriptions },
    { weight: 1, arbitrary: operationNames },
    { weight: 2, arbitrary: unknownInjected },
  )
}

function limitsFamily(pools: Pools): fc.Arbitrary<FuzzRequest> {
  const plan = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pools.ids.plans) }, { weight: 1, arbitrary: fc.uuid() })
  const indicator = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pools.ids.indicators) }, { weight: 1, arbitrary: fc.uuid() })
  const nest = (open: string, close: string, n: number, inner: string): Part[] => [
    { repeat: open, times: n },
    inner,
    { repeat: close, times: n },
  ]
  const cycles = fc
    .tuple(
      fc.integer({ min: 1, max: 12 }),
      plan,
      indicator,
      fc.constantFrom('indicator-plan', 'plan-indicators', 'plans-edges', 'plan-measures', 'municipality-plans', 'budget-share'),
    )
    .map(([n, planId, indicatorId, shape]): { kind: string; document: Part[] } => {
      const document: Record<string, Part[]> = {
        'indicator-plan': [
          `{ indicator(id: "${indicatorId}") { `,
          ...nest('plan { indicators { ', '} } ', n, 'code attainment { value } '),
          '} }',
        ],
        'plan-indicators': [`{ plan(id: "${planId}") { `, ...nest('indicators { plan { ', '} } ', n, 'id title { sq } '), '} }'],
        'plans-edges': ['{ plans { edges { node { ', ...nest('indicators { plan { ', '} } ', n, 'id '), '} } } }'],
        'plan-measures': [`{ plan(id: "${planId}") { `, ...nest('measures { indicators { plan { ', '} } } ', n, 'id '), '} }'],
        'municipality-plans': ['{ municipality(code: "ELB") { ', ...nest('plans { municipality { ', '} } ', n, 'code '), '} }'],
        'budget-share': [
          '{ budgetSummary(municipality: "ELB", fiscalYear: 2024) { shares { indicator { ',
          ...nest('plan { indicators { ', '} } ', n, 'code '),
          '} } } }',
        ],
      }
      return { kind: `cycle-${shape}`, document: document[shape]! }
    })
  const deep = fc
    .tuple(
      fc.constantFrom(2, 8, 11, 12, 13, 20, 100, 1000, 3000),
      plan,
      fc.constantFrom('children', 'inline-fragments', 'list-literal', 'object-literal', 'unknown-fields'),
    )
    .map(([n, planId, shape]): { kind: string; document: Part[] } => {
      const document: Record<string, Part[]> = {
        children: [`{ plan(id: "${planId}") { areas { objectives { `, ...nest('children { ', '} ', n, 'code '), '} } } }'],
        'inline-fragments': ['{ ', ...nest('... on Query { ', '} ', n, 'viewer { role } '), '}'],
        'list-literal': ['{ plans(kind: ', ...nest('[', ']', n, 'gender_equality'), ') { totalCount } }'],
        'object-literal': ['{ plans(asOf: ', ...nest('{ position: ', ' }', n, '"1"'), ') { totalCount } }'],
        'unknown-fields': ['{ viewer { ', ...nest('x { ', '} ', n, 'y '), '} }'],
      }
      return { kind: `deep-${shape}`, document: document[shape]! }
    })
  const aliased = fc
    .tuple(
      fc.constantFrom(2, 10, 30, 31, 100, 1000, 3000),
      plan,
      indicator,
      fc.constantFrom('schema', 'typename', 'viewer', 'plans', 'plan-attainments', 'indicator-history', 'type'),
    )
    .map(([count, planId, indicatorId, what]): { kind: string; document: Part[] } => {
      const field: Record<string, string> = {
        schema: '__schema { types { name fields { name type { name ofType { name } } } } }',
        typename: '__typename',
        viewer: 'viewer { role }',
        plans: 'plans { totalCount edges { node { id } } }',
        'plan-attainments': `plan(id: "${planId}") { indicators { attainment { value } progress { value } } rollUp { rating } }`,
        'indicator-history': `indicator(id: "${indicatorId}") { history { position value { value } } }`,
        type: '__type(name: "Plan") { fields { name type { name } } }',
      }
      const fields = Array.from({ length: count }, (_, index) => `a${index}: ${field[what]!}`).join(' ')
      return { kind: `aliases-${what}`, document: [`{ ${fields} }`] }
    })
  const repeated = fc
    .tuple(
      fc.constantFrom(100, 1000, 3000),
      fc.constantFrom('__typename ', 'viewer { role } ', 'plans { totalCount } ', 'a: viewer { role } '),
    )
    .map(([count, field]): { kind: string; document: Part[] } => ({
      kind: 'repeated-fields',
      document: ['{ ', { repeat: field, times: count }, '}'],
    }))
  const fragments = fc
    .tuple(
      fc.constantFrom(2, 30, 500, 2000),
      fc.constantFrom(5, 15, 25, 40),
      fc.constantFrom('spread-many', 'bomb', 'cycle', 'wrong-type', 'unused'),
    )
    .map(([count, levels, shape]): { kind: string; document: Part[] } => {
      if (shape === 'spread-many')
        return {
          kind: 'fragments-spread-many',
          document: [
            '{ ',
            { repeat: '...F ', times: count },
            '} fragment F on Query { plans { edges { node { indicators { code attainment { value } } } } } }',
          ],
        }
      if (shape === 'bomb') {
        const definitions = Array.from(
          { length: levels },
          (_, level) =>
            `fragment F${level} on Query { ${level === levels - 1 ? 'viewer { role }' : `...F${level + 1} ...F${level + 1} a${level}: commandTypes`} }`,
        )
        return { kind: 'fragments-bomb', document: [`{ ...F0 } ${definitions.join(' ')}`] }
      }
      if (shape === 'cycle')
        return {
          kind: 'fragments-cycle',
          document: ['{ ...A } fragment A on Query { viewer { role } ...B } fragment B on Query { commandTypes ...A }'],
        }
      if (shape === 'wrong-type') return { kind: 'fragments-wrong-type', document: ['{ ...P } fragment P on Plan { id }'] }
      return {
        kind: 'fragments-unused',
        document: ['{ viewer { role } } ', { repeat: 'fragment U on Query { commandTypes } ', times: Math.min(count, 800) }],
      }
    })
  const directives = fc
    .tuple(
      fc.constantFrom(
        '{ viewer @include(if: true) { role } }',
        '{ viewer @skip(if: "yes") { role } }',
        '{ viewer @include { role } }',
        '{ viewer @nope { role } }',
        '{ viewer @deprecated { role } }',
        '{ viewer @listSize(assumedSize: 1) { role } }',
        '{ plans @listSize(assumedSize: 1, slicingArguments: ["first"]) { totalCount } }',
        'query @include(if: true) { viewer { role } }',
        '{ viewer @skip(if: $x) { role } }',
        'query ($x: Boolean) { viewer @skip(if: $x) { role } }',
        '{ viewer @specifiedBy(url: "x") { role } }',
        'subscription @skip(if: true) { budgetChanged { position } }',
      ),
      fc.constantFrom(1, 1, 2, 500, 3000),
    )
    .map(([document, times]): { kind: string; document: Part[] } =>
      times === 1
        ? { kind: 'directives', document: [document] }
        : { kind: 'directives-repeated', document: ['{ viewer ', { repeat: '@include(if: true) ', times }, '{ role } }'] },
    )
  return postedByAnyCaller(
    'limits',
    ({ document }) => graphqlBody({ document }),
    { weight: 4, arbitrary: cycles },
    { weight: 3, arbitrary: deep },
    { weight: 3, arbitrary: aliased },
    { weight: 1, arbitrary: repeated },
    { weight: 2, arbitrary: fragments },
    { weight: 2, arbitrary: directives },
  )
}

function argumentsFamily(walk: SchemaWalk): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      walk.operation('query', { depth: 3, hostility: 0.6 }),
      fc.constantFrom<Auth>('anonymous', 'admin', 'admin', 'editorElbasan', 'viewer', 'ministry'),
      fc.constantFrom('post', 'post', 'post', 'get', 'graphql'),
    )
    .map(([operation, auth, transport]): FuzzRequest => {
      if (transport === 'get') {
        const entries: Array<readonly [string, readonly Part[]]> = [['query', operation.document]]
        if (operation.variables) entries.push(['variables', variablesJson(operation.variables)])
        return { label: 'arguments:get', method: 'GET', path: queryString(entries), headers: [], auth }
      }
      if (transport === 'graphql' && operation.variables === undefined)
        return post('arguments:application-graphql', operation.document, { headers: [['content-type', 'application/graphql']], auth })
      return post(`arguments:${operation.variables ? 'variables' : 'inline'}`, graphqlBody(operation), { auth })
    })
}

function tokenFamily(): fc.Arbitrary<FuzzRequest> {
  const queries = fc.constantFrom(
    '{ viewer { id role municipalities } }',
    '{ verifyLog { ok } }',
    '{ readModelHashes { name hash } }',
    '{ history(entityId: "ELB", first: 1) { totalCount } }',
    '{ events(first: 2) { edges { cursor } } }',
    'mutation { sealLog { sealed position } }',
    'mutation { rebuildReadModels { equal } }',
  )
  return fc
    .tuple(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...hostileTokens) },
        { weight: 1, arbitrary: fc.constantFrom<Auth>('anonymous', ...validCallers) },
      ),
      queries,
      fc.constantFrom('post', 'get'),
    )
    .map(([auth, query, transport]): FuzzRequest => {
      if (transport === 'get') return { label: `token:${auth}`, method: 'GET', path: queryString([['query', [query]]]), headers: [], auth }
      return post(`token:${auth}`, graphqlBody({ document: [query] }), { auth })
    })
}

/** Callers of mutations, weighted towards those who may write: the hostile input is what is tried. */
const writers = fc.oneof(
  { weight: 30, arbitrary: fc.constant<Auth>('admin') },
  { weight: 25, arbitrary: fc.constant<Auth>('editorElbasan') },
  { weight: 15, arbitrary: fc.constant<Auth>('editorDrenas') },
  { weight: 10, arbitrary: fc.constantFrom<Auth>('viewer', 'ministry', 'anonymous') },
  { weight: 10, arbitrary: fc.constantFrom(...hostileTokens) },
)

/**
 * Mutations whose input is mostly what a client that means well would send, with a hostile value
 * here and there (none in some, several in others): a request refused at the first wrong byte
 * would never reach the commands.
 */
export function mutationArbitrary(walk: SchemaWalk, label: string): fc.Arbitrary<FuzzRequest> {
  const operation = fc
    .tuple(fc.constantFrom(1, 1, 1, 1, 1, 1, 2, 3), fc.constantFrom(0, 0.03, 0.03, 0.06, 0.06, 0.3))
    .chain(([count, hostility]) => walk.operation('mutation', { depth: 2, hostility, count }))
  return fc
    .tuple(operation, writers, fc.constantFrom('post', 'post', 'post', 'post', 'post', 'post', 'graphql', 'get'))
    .map(([operation, auth, transport]): FuzzRequest => {
      if (transport === 'get') {
        const entries: Array<readonly [string, readonly Part[]]> = [['query', operation.document]]
        if (operation.variables) entries.push(['variables', variablesJson(operation.variables)])
        return { label: `${label}:get`, method: 'GET', path: queryString(entries), headers: [], auth }
      }
      if (transport === 'graphql' && operation.variables === undefined)
        return post(`${label}:application-graphql`, operation.document, { headers: [['content-type', 'application/graphql']], auth })
      return post(`${label}:${operation.variables ? 'variables' : 'inline'}`, graphqlBody(operation), { auth })
    })
}

function rawFamily(): fc.Arbitrary<FuzzRequest> {
  const query = '/graphql?query=%7B%20viewer%20%7B%20role%20%7D%20%7D'
  const body = '{"query":"{ viewer { role } }"}'
  const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`
  const messages = fc.oneof(
    fc.constantFrom<[string, Part[]]>(
      ['garbage-request-line', ['GARBAGE\r\n\r\n']],
      ['header-name-with-space', [head([`GET ${query} HTTP/1.1`, 'Host: x', 'Bad Header: y', 'Connection: close'])]],
      ['nul-in-header', [head([`GET ${query} HTTP/1.1`, 'Host: x', 'X-A: a\u0000b', 'Connection: close'])]],
      ['obsolete-line-folding', [head([`GET ${query} HTTP/1.1`, 'Host: x', 'X-Fold: a', ' b', 'Connection: close'])]],
      [
        'length-and-chunked',
        [
          head([
            'POST /graphql HTTP/1.1',
            'Host: x',
            'Content-Type: application/json',
            `Content-Length: ${body.length}`,
            'Transfer-Encoding: chunked',
            'Connection: close',
          ]),
          '0\r\n\r\n',
        ],
      ],
      [
        'bad-chunk-size',
        [
          head(['POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Transfer-Encoding: chunked', 'Connection: close']),
          'ZZ\r\nabc\r\n0\r\n\r\n',
        ],
      ],
      [
        'chunked',
        [
          head(['POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Transfer-Encoding: chunked', 'Connection: close']),
          `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
        ],
      ],
      [
        'gzip-then-chunked',
        [
          head([
            'POST /graphql HTTP/1.1',
            'Host: x',
            'Content-Type: application/json',
            'Transfer-Encoding: gzip, chunked',
            'Connection: close',
          ]),
          '0\r\n\r\n',
        ],
      ],
      [
        'two-content-lengths',
        [
          head([
            'POST /graphql HTTP/1.1',
            'Host: x',
            'Content-Type: application/json',
            'Content-Length: 2',
            'Content-Length: 3',
            'Connection: close',
          ]),
          '{}',
        ],
      ],
      [
        'negative-content-length',
        [head(['POST /graphql HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: -1', 'Connection: close']), body],
      ],
      [
        'gzip-content-encoding',
        [
          head([
            'POST /graphql HTTP/1.1',
            'Host: x',
            'Content-Type: application/json',
            'Content-Encoding: gzip',
            `Content-Length: ${body.length}`,
            'Connection: close',
          ]),
          body,
        ],
      ],
      [
        'expect-continue',
        [
          head([
            'POST /graphql HTTP/1.1',
            'Host: x',
            'Content-Type: application/json',
            `Content-Length: ${body.length}`,
            'Expect: 100-continue',
            'Connection: close',
          ]),
          body,
        ],
      ],
      ['oversized-header', [head([`GET ${query} HTTP/1.1`, 'Host: x', `X-Big: ${'a'.repeat(20_000)}`, 'Connection: close'])]],
      ['no-host', [head([`GET ${query} HTTP/1.1`, 'Connection: close'])]],
      ['http-1.0', [head([`GET ${query} HTTP/1.0`])]],
      ['http-0.9', [`GET ${query}\r\n\r\n`]],
      ['absolute-uri', [head([`GET http://evil.example${query} HTTP/1.1`, 'Host: x', 'Connection: close'])]],
      ['unknown-method', [head(['FOO /graphql HTTP/1.1', 'Host: x', 'Connection: close'])]],
      ['http-9.9', [head([`GET ${query} HTTP/9.9`, 'Host: x', 'Connection: close'])]],
      ['http2-preface', ['PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n']],
      ['bare-lf', [`GET ${query} HTTP/1.1\nHost: x\nConnection: close\n\n`]],
      ['bad-percent-in-query', [head([`GET /graphql?query=%ZZ HTTP/1.1`, 'Host: x', 'Connection: close'])]],
      ['bad-percent-in-path', [head(['GET /%ZZ HTTP/1.1', 'Host: x', 'Connection: close'])]],
      ['non-ascii-authorization', [head([`GET ${query} HTTP/1.1`, 'Host: x', 'Authorization: Bearer \u00ff\u00fe', 'Connection: close'])]],
      [
        'too-many-headers',
        [head([`GET ${query} HTTP/1.1`, 'Host: x', ...Array.from({ length: 2500 }, (_, index) => `X-${index}: a`), 'Connection: close'])],
      ],
    ),
    // Blank lines before a request are allowed and skipped: a message of nothing else asks nothing.
    fc
      .string({ unit: 'binary-ascii', minLength: 1, maxLength: 200 })
      .filter((text) => /[^\r\n \t]/.test(text))
      .map((text): [string, Part[]] => ['random', [text, '\r\n\r\n']]),
  )
  return messages.map(
    ([kind, parts]): FuzzRequest => ({
      label: `raw-http:${kind}`,
      method: 'RAW',
      path: [],
      headers: [],
      auth: 'anonymous',
      body: parts,
      raw: true,
    }),
  )
}

function pathFamily(): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      fc.constantFrom(
        '/graphql/',
        '/GRAPHQL',
        '/graphql;',
        '//graphql',
        '/graphql%00',
        '/graphql/..%2fgraphql',
        '/./graphql',
        '/graphql/../healthz',
        '/graphql%20',
        '/graph%71l',
        '/nope',
      ),
      fc.constantFrom('GET', 'POST'),
    )
    .map(
      ([path, method]): FuzzRequest => ({
        label: `path:${method}`,
        method,
        path: method === 'GET' ? [path, '?query=%7B%20viewer%20%7B%20role%20%7D%20%7D'] : [path],
        headers: method === 'POST' ? json : [],
        auth: 'anonymous',
        ...(method === 'POST' && { body: ['{"query":"{ viewer { role } }"}'] }),
      }),
    )
}

/** The concurrent run: every family, weighted by how much ground each covers. */
export function requestArbitrary(walk: SchemaWalk): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { weight: 12, arbitrary: bodyFamily() },
    { weight: 7, arbitrary: contentFamily() },
    { weight: 9, arbitrary: methodFamily() },
    { weight: 14, arbitrary: documentFamily(walk) },
    { weight: 12, arbitrary: limitsFamily(walk.pools) },
    { weight: 20, arbitrary: argumentsFamily(walk) },
    { weight: 7, arbitrary: tokenFamily() },
    { weight: 12, arbitrary: mutationArbitrary(walk, 'mutation') },
    { weight: 4, arbitrary: rawFamily() },
    { weight: 3, arbitrary: pathFamily() },
  )
}
