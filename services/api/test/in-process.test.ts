import { TreguesiError } from '@treguesi/errors'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { GraphQLError } from 'graphql'
import t from 'tap'
import type { GraphQLContext } from '../src/graphql/context.js'
import { inProcessReader } from '../src/graphql/in-process.js'
import { contextOf, principals, startService } from './support/service.js'

/** The reader over an app whose GraphQL answers (or throws) `outcome`: how each is told apart. */
function readerAnswering(outcome: () => Promise<unknown>, context: GraphQLContext) {
  const app = { graphql: outcome } as unknown as FastifyInstance
  return (document = '{ plans { totalCount } }') =>
    inProcessReader(app, () => context)({} as FastifyRequest, {} as FastifyReply, document, {})
}

t.test("a page's read answers its data and the position it reflects, or the refusal of its first error", async (t) => {
  const service = await startService(t)
  const context = contextOf(service, principals.admin)
  const answered = await readerAnswering(async () => ({ data: { plans: { totalCount: 3 } } }), context)()
  t.same(
    answered,
    { data: { plans: { totalCount: 3 } }, position: service.live.current.position },
    'the data, at the snapshot it was read from',
  )

  const notFound = new TreguesiError('TRG_NOT_FOUND', { entity: 'plan', id: 'x' })
  const byResolver = await readerAnswering(
    async () => ({ data: null, errors: [new GraphQLError(notFound.message, { originalError: notFound })] }),
    context,
  )()
  t.same([byResolver.refusal?.code, byResolver.refusal?.details], ['TRG_NOT_FOUND', { entity: 'plan', id: 'x' }])

  const beforeRunning = await readerAnswering(async () => {
    throw Object.assign(new Error('validation'), { errors: [new GraphQLError('Cannot query field "nothing" on type "Query".')] })
  }, context)()
  t.equal(beforeRunning.refusal?.code, 'TRG_QUERY_INVALID', 'a document mercurius refused before running')

  // As mercurius hands them over: written by the service's error formatter.
  const formatted = await readerAnswering(
    async () => ({
      data: null,
      errors: [
        {
          message: 'kufiri',
          extensions: { trgCode: 'TRG_LIMIT_EXCEEDED', details: { limit: 'objects in one answer', maximum: 10, actual: 11 } },
        },
      ],
    }),
    context,
  )()
  t.same(
    [formatted.refusal?.code, formatted.refusal?.details],
    ['TRG_LIMIT_EXCEEDED', { limit: 'objects in one answer', maximum: 10, actual: 11 }],
  )
  await t.rejects(
    readerAnswering(
      async () => ({ data: null, errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
      context,
    )(),
    /a page's read failed: Internal server error/,
    'a formatted internal error is thrown on',
  )

  const broken = new Error('a resolver failed')
  await t.rejects(
    readerAnswering(async () => ({ data: null, errors: [new GraphQLError('x', { originalError: broken })] }), context)(),
    broken,
    'a failure that is no refusal is thrown on',
  )
  await t.rejects(readerAnswering(async () => Promise.reject(broken), context)(), broken, 'and so is one thrown without GraphQL errors')
})
