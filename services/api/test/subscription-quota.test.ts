import { openDomainStore } from '@treguesi/commands'
import { events } from '@treguesi/event-store/contract'
import Fastify from 'fastify'
import t from 'tap'
import { SubscriptionQuota } from '../src/protection/subscription-quota.js'
import { LiveReadModels } from '@treguesi/read-models'

t.test('the read models seen through a quota: listeners take places and give them back once; the rest is the read models', async (t) => {
  const store = await openDomainStore({ store: 'sqlite', path: ':memory:', sync: 'normal' })
  const live = new LiveReadModels(store)
  t.teardown(async () => {
    await live.stop()
    await store.close()
  })
  const quota = new SubscriptionQuota(1, Fastify({ logger: false }).log, 'en')
  const followed = quota.follow(live)
  await followed.untilCaughtUp()
  t.equal(followed.current, live.current, 'getters read the read models themselves')
  t.equal(followed.caughtUp, true)

  const heard: string[] = []
  const stop = followed.onEvent((event) => heard.push(event.type))
  t.equal(quota.full, true)
  let refusal: unknown
  try {
    followed.onEvent(() => {})
  } catch (error) {
    refusal = error
  }
  t.match(
    refusal,
    { extensions: { trgCode: 'TRG_LIMIT_EXCEEDED', details: { maximum: 1, actual: 2 } } },
    'past the maximum, listening throws the refusal',
  )
  await store.append('plan-1', events(1))
  await followed.reach((await store.headPosition())!, 1000)
  t.equal(heard.length, 1)

  stop()
  stop()
  t.equal(quota.full, false, 'a place given back once, however often stop is called')
  const again = followed.onEvent(() => {})
  t.equal(quota.full, true, 'and only one place was free')
  again()
})
