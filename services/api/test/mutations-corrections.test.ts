import t from 'tap'
import { collect } from '@treguesi/event-store/contract'
import { buildWorld, inputFor, send } from './mutations-support.js'
import { principals, startService } from './support/service.js'

const bySex = (women: string, men: string) => [
  {
    dimension: 'sex',
    categories: [
      { category: 'F', value: women },
      { category: 'M', value: men },
    ],
  },
]

t.test('a correction keeps what it leaves out and drops what it gives as null', async (t) => {
  const service = await startService(t)
  const token = service.token(principals.admin)
  const world = await buildWorld(service.store)
  const stream = `indicator-${world.indicatorId}`
  const source = { sq: 'Drejtoria e Shërbimeve Sociale' }
  const note = { sq: 'Të dhëna të përkohshme: gjashtëmujori i parë' }
  const reported = await send(
    service,
    'reportIndicatorValue',
    { ...inputFor('reportIndicatorValue', world), value: '45', breakdown: bySex('25', '20'), source, note },
    token,
  )
  t.same(reported.errors, [])

  const correction = (changes: object) => ({ ...inputFor('correctIndicatorValue', world), period: '2025', ...changes })
  const figure = { indicatorId: world.indicatorId, period: '2025' }
  // Each correction applies to the figure the one before it left.
  const cases: [message: string, changes: object, recorded: object | RegExp][] = [
    [
      'left out, the source and note are kept',
      { value: '46', breakdown: bySex('26', '20') },
      { ...figure, value: '46', breakdown: { sex: { F: '26', M: '20' } }, source, note },
    ],
    [
      'a breakdown kept that no longer adds up is refused, asking for the breakdown',
      { value: '47' },
      /breakdown kept from the figure corrected adds up by sex to 46, not to the corrected total 47: give the breakdown/,
    ],
    ['null drops the breakdown and the note', { value: '47', breakdown: null, note: null }, { ...figure, value: '47', source }],
  ]
  for (const [message, changes, recorded] of cases) {
    const head = await service.store.headPosition()
    const { payload, errors } = await send(service, 'correctIndicatorValue', correction(changes), token)
    if (recorded instanceof RegExp) {
      t.equal(payload, null, message)
      t.match(errors[0], { message: recorded, extensions: { trgCode: 'TRG_INVALID_COMMAND', field: 'breakdown' } }, message)
      t.equal(await service.store.headPosition(), head, 'nothing is written')
    } else {
      t.same(errors, [], message)
      const last = (await collect(service.store.readStream(stream))).at(-1)!
      const { reason: _reason, previous: _previous, ...data } = last.data as Record<string, unknown>
      t.same(data, recorded, message)
    }
  }
})
