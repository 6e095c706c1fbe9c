import t from 'tap'
import { maxJsonDepth } from '../src/protection/json-depth.js'
import { startService } from './support/service.js'

t.test('a JSON body nested deeper than any request needs is refused as it arrives', async (t) => {
  const service = await startService(t, { seed: false })
  const post = (body: string, type = 'application/json') =>
    fetch(`${service.url}/graphql`, { method: 'POST', headers: { 'content-type': type }, body })
  const nested = (depth: number) => `{"query":"{ commandTypes }","variables":{"v":${'['.repeat(depth - 2)}${']'.repeat(depth - 2)}}}`

  const deep = await post(nested(300_000))
  t.equal(deep.status, 400)
  t.match(await deep.json(), {
    errors: [
      { extensions: { trgCode: 'TRG_BAD_REQUEST', details: { problem: `the JSON body nests deeper than ${maxJsonDepth} levels` } } },
    ],
  })
  t.equal((await post(nested(maxJsonDepth + 1), 'application/json; charset=utf-8')).status, 400)
  // Brackets inside strings, escaped quotes included, are text, not nesting.
  const inText = await post(JSON.stringify({ query: `{ commandTypes } # ${'[{'.repeat(100)} \\" ${'['.repeat(100)}` }))
  t.equal(inText.status, 200)
  t.match(await inText.json(), { data: { commandTypes: Array } })
  const atLimit = await post(nested(maxJsonDepth))
  t.equal(atLimit.status, 200)
  // Other media types are not JSON: nesting is not counted, their own rules apply.
  const notJson = await post(`{ commandTypes } # ${'['.repeat(100)}`, 'application/graphql')
  t.notMatch(await notJson.text(), /nests deeper/)
  const longName = await post(JSON.stringify({ query: '{ commandTypes }', operationName: 'x'.repeat(257) }))
  t.equal(longName.status, 400)
  t.match(await longName.json(), { errors: [{ extensions: { details: { problem: 'operationName must be at most 256 characters' } } }] })
})
