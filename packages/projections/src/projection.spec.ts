import t from 'tap'
import { emptyReadModel, project, type LogEvent, type Projection } from './projection.js'

const counter: Projection<Record<string, number>> = {
  name: 'events-per-type',
  initialState: {},
  apply: (state, event) => ({ ...state, [event.type]: (state[event.type] ?? 0) + 1 }),
}

const event = (position: bigint, type: string): LogEvent => ({
  stream: 's',
  revision: position,
  position,
  type,
  data: {},
  metadata: {},
  recordedAt: new Date(0),
})

t.test('a read model folds events in order and remembers the last position', async (t) => {
  const empty = emptyReadModel(counter)
  t.same(empty, { state: {}, position: null })
  const once = project(counter, empty, [event(3n, 'a'), event(7n, 'b'), event(9n, 'a')])
  t.same(once, { state: { a: 2, b: 1 }, position: 9n })
  const again = project(counter, once, [event(7n, 'b'), event(9n, 'a'), event(12n, 'b')])
  t.same(again, { state: { a: 2, b: 2 }, position: 12n }, 'events already reflected are skipped')
  t.same(project(counter, again, []), again)
})
