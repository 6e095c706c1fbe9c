import { iatiProblems } from '@treguesi/exchange/iati-testing'
import t from 'tap'
import { cli, seededStore } from './support.js'

// `export-iati` on the seed plans in a real SQLite file: refused while a municipality with a
// published plan has no IATI identifier, then activities valid against the IATI 2.03 schema,
// its codelists and rules, the same bytes again, and nothing when nothing changed.

const { env, store, run } = await seededStore(t)
t.teardown(() => store.close())

t.test('refused, naming every municipality without an identifier; nothing written', async (t) => {
  const refused = await cli(env, ['export-iati'])
  t.equal(refused.code, 1, 'the log lacks something: no usage error')
  t.equal(refused.stdout, '')
  t.match(refused.stderr, /DRE, ELB/)
  t.match(refused.stderr, '[TRG_INVALID_STATE]')
})

t.test('with identifiers: valid IATI 2.03, the same bytes again; since the head, no file', async (t) => {
  await run({ type: 'SetMunicipalityIatiIdentifier', code: 'ELB', identifier: 'AL-COA-ELB' })
  await run({ type: 'SetMunicipalityIatiIdentifier', code: 'DRE', identifier: 'XK-COA-DRE' })
  const head = (await store.headPosition())!
  const file = await cli(env, ['export-iati'])
  t.equal(file.code, 0, file.stderr)
  t.same(await iatiProblems(file.stdout), [], 'schema, codelists and rules')
  t.equal(file.stdout.match(/<iati-activity /g)?.length, 3, "Elbasan's two approved plans and Drenas's")
  t.match(file.stdout, /<reporting-org ref="AL-COA-ELB" type="11">\s*<narrative>Bashkia Elbasan<\/narrative>/)
  t.same(JSON.parse(file.stderr), { position: String(head), since: null })
  t.equal((await cli(env, ['export-iati'])).stdout, file.stdout, 'the same bytes again')
  const drenas = await cli(env, ['export-iati', '--municipality', 'DRE'])
  t.equal(drenas.stdout.match(/<iati-activity /g)?.length, 1)
  const nothing = await cli(env, ['export-iati', '--since', String(head)])
  t.equal(nothing.code, 0)
  t.equal(nothing.stdout, '', 'no document: IATI holds at least one activity')
  t.same(JSON.parse(nothing.stderr), { position: String(head), since: String(head), file: null })
})
