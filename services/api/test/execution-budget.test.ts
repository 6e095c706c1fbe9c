import { buildSchema, execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql'
import t from 'tap'
import { budgetExecution, cutShort, type ExecutionLimits } from '../src/graphql/execution-budget.js'

/** A small tree: each node has `width` children, `depth` levels down, and a name. */
function treeSchema(limits: ExecutionLimits, clock: () => number): GraphQLSchema {
  const schema = buildSchema('type Query { root: Node, names: [String!]! } type Node { name: String!, children: [Node!]!, parent: Node }')
  const node = (level: number): object => ({
    name: `nyja ${level}`,
    children: () => (level === 0 ? [] : Array.from({ length: 3 }, () => node(level - 1))),
    // A resolver that answers later, as a read model reached over I/O would.
    parent: async () => ({ name: 'prindi', children: [] }),
  })
  budgetExecution(schema, limits, clock)
  Object.assign(schema.getQueryType()!.getFields().root!, { resolve: () => node(4) })
  Object.assign(schema.getQueryType()!.getFields().names!, { resolve: () => ['ë', 'ç'] })
  return schema
}

const generous: ExecutionLimits = { objects: 1_000_000, milliseconds: 60_000, objectsPerTurn: 1_000_000 }
const whole = '{ root { name children { name children { name children { name children { name parent { name } } } } } } names }'

async function run(schema: GraphQLSchema, source: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult> {
  return execute({ schema, document: parse(source), ...(variableValues && { variableValues }) })
}

t.test('an answer within its budget is the same as without one, slices and all', async (t) => {
  const answer = await run(
    treeSchema(generous, () => 0),
    whole,
  )
  t.equal(answer.errors, undefined)
  // In slices of two objects: the answer is built over many turns of the event loop, and is the same.
  const sliced = await run(
    treeSchema({ ...generous, objectsPerTurn: 2 }, () => 0),
    whole,
  )
  t.same(sliced, answer)
  const levels = (answer.data as { root: { children: Array<{ children: unknown[] }> } }).root
  t.equal(levels.children.length, 3)
  t.equal(levels.children[0]!.children.length, 3)
  t.same((answer.data as { names: string[] }).names, ['ë', 'ç'])
})

t.test('too many objects: no data and one refusal that names the limit and the count', async (t) => {
  const schema = treeSchema({ ...generous, objects: 100 }, () => 0)
  const answer = await run(schema, whole)
  const cut = cutShort(answer.errors ?? [])
  t.ok(cut, 'the answer was cut short')
  t.match(cut!.originalError, { code: 'TRG_LIMIT_EXCEEDED', details: { limit: 'objects in one answer', maximum: 100 } })
  t.ok((cut!.originalError as unknown as { details: { actual: number } }).details.actual > 100)
  // Every later field was refused with the same error, at once.
  t.ok(answer.errors!.every((error) => error.originalError === cut!.originalError))
  // Each execution has its own budget: a small one right after is answered in full.
  const small = await run(schema, '{ root { name } }')
  t.same(small, { data: { root: { name: 'nyja 4' } } })
  // Two executions at once, each within the budget, together over it: each is counted on its own.
  const level = '{ root { children { children { name } } } }'
  const both = await Promise.all([run(schema, level), run(schema, level, { unused: 1 })])
  t.same(
    both.map((answer) => answer.errors),
    [undefined, undefined],
  )
  t.equal(cutShort([]), undefined)
  // All at once, with nothing pending: the refusal is thrown where it happens.
  const sync = await run(
    treeSchema({ ...generous, objects: 5 }, () => 0),
    '{ root { children { children { name } } } }',
  )
  t.match(cutShort(sync.errors ?? [])?.originalError, { details: { limit: 'objects in one answer', maximum: 5 } })
})

t.test('too long: refused once the clock passes the budget, between two fields', async (t) => {
  let now = 0
  // Each reading of the clock is a millisecond later.
  const schema = treeSchema({ ...generous, milliseconds: 20 }, () => now++)
  const answer = await run(schema, whole)
  t.match(cutShort(answer.errors ?? [])?.originalError, {
    code: 'TRG_LIMIT_EXCEEDED',
    details: { limit: 'execution time (ms)', maximum: 20, actual: 21 },
  })
  // Slices: the budget is checked again after each pause.
  now = 0
  const sliced = treeSchema({ ...generous, milliseconds: 20, objectsPerTurn: 5 }, () => now++)
  t.match(cutShort((await run(sliced, whole)).errors ?? [])?.originalError, { details: { limit: 'execution time (ms)' } })
})

t.test('on the service: an answer over its objects is cut short, and probes are answered meanwhile', async (t) => {
  const { startService } = await import('./support/service.js')
  const service = await startService(t, { execution: { objects: 300, milliseconds: 60_000, objectsPerTurn: 10 } })
  const cut = await service.graphql(
    '{ plans { edges { node { indicators { code values { period value } } measures { code indicators { code } } } } } }',
  )
  t.match(cut, {
    status: 200,
    data: null,
    errors: [{ extensions: { trgCode: 'TRG_LIMIT_EXCEEDED', details: { limit: 'objects in one answer', maximum: 300 } } }],
  })
  t.equal(cut.errors!.length, 1, 'the refusal once, not once per field refused after it')
  // In slices of ten objects, a large answer takes many turns: a probe sent after it is answered first.
  const finished: string[] = []
  const large = service.graphql('{ plans { edges { node { indicators { code } measures { code } } } } }').then(() => finished.push('query'))
  const probe = fetch(`${service.url}/healthz`).then(() => finished.push('probe'))
  await Promise.all([large, probe])
  t.same(finished, ['probe', 'query'])
})
