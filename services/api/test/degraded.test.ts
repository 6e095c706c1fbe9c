/**
 * A log with an event that cannot be read (its JSON damaged in the SQLite file) before the
 * service starts: the service starts degraded, serving everything before the damage.
 */
import t from 'tap'
import { serviceOnFile } from './support/file-service.js'

t.test('the read models serve the log up to the damaged event; /readyz says degraded, naming it and the code', async (t) => {
  const { url, graphql, live, store } = await serviceOnFile(t, {
    beforeStart: (sql) => sql(`UPDATE events SET metadata = substr(metadata, 1, 20) WHERE position = 300`),
  })
  t.equal(live.current.position, 299n)
  t.match(live.failure, { code: 'TRG_EVENT_UNREADABLE', details: { position: '300', problem: /^its metadata is not valid JSON/ } })
  const head = String(await store.headPosition())

  const ready = await fetch(`${url}/readyz`)
  t.equal(ready.status, 503)
  t.match(await ready.json(), {
    status: 'degraded',
    store: 'sqlite',
    headPosition: head,
    readModelsPosition: '299',
    code: 'TRG_EVENT_UNREADABLE',
    position: '300',
    reason: /^The event at position 300 cannot be read: its metadata is not valid JSON .* \[TRG_EVENT_UNREADABLE\]$/,
  })

  const plans = await graphql<{ plans: { totalCount: number } }>('{ plans { totalCount } }')
  t.equal(plans.status, 200)
  t.ok(plans.data!.plans.totalCount >= 1, 'GraphQL answers from what was read')
  const asOf = await graphql<{ plans: { totalCount: number } }>('{ plans(asOf: { position: "100" }) { totalCount } }')
  t.same(asOf.errors, undefined, 'the as-of index was built up to the damage, without reading it')
  t.ok(asOf.data!.plans.totalCount >= 1)
  t.match(await graphql('{ verifyLog { ok firstBadPosition checkedEvents } }'), {
    data: { verifyLog: { ok: false, firstBadPosition: '300', checkedEvents: 299 } },
  })
})

t.test('damage in the first event: nothing to serve yet, still answering', async (t) => {
  const { url, graphql, live } = await serviceOnFile(t, { beforeStart: (sql) => sql(`UPDATE events SET data = '' WHERE position = 1`) })
  t.equal(live.current.position, null)
  t.match(await (await fetch(`${url}/readyz`)).json(), { status: 'degraded', readModelsPosition: null, position: '1' })
  t.same((await graphql('{ plans { totalCount } }')).data, { plans: { totalCount: 0 } })
})
