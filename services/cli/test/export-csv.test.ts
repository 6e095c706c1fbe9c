import { join } from 'node:path'
import { executeCommand, openDomainStore } from '@treguesi/commands'
import { loadSeeds, seedId, seeds } from '@treguesi/seeds'
import t from 'tap'
import { cli, sqliteEnv, tempDir } from './support.js'

// `export-csv` on the seed plans in a real SQLite file: the tidy CSV an admin downloads, as of a
// position, and only what changed since one.

const path = join(tempDir(t), 'treguesi.db')
const env = sqliteEnv(path)
const store = await openDomainStore({ store: 'sqlite', path, sync: 'full' })
const { position: seeded } = await loadSeeds(store, seeds)
const genderPlan = seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024')
const certificates = seedId('elbasan-gender-equality', 'indicator', 'III.2 (f)/T1')
const context = { commandId: '', actor: { id: 'admin-1', role: 'admin' }, occurredAt: '2025-06-02T10:00:00+02:00' }
await executeCommand(
  store,
  { type: 'ReopenReport', planId: genderPlan, period: '2022', reason: { sq: 'Rinumërim' } },
  {
    ...context,
    commandId: '7c8a3f52-1b4e-4d6a-9f0e-2a1b3c4d5e6f',
  },
)
const corrected = await executeCommand(
  store,
  { type: 'CorrectIndicatorValue', indicatorId: certificates, period: '2022', value: '346', reason: { sq: 'Një certifikatë më shumë' } },
  { ...context, commandId: '8d9b4a63-2c5f-4e7b-8a1f-3b2c4d5e6f70' },
)
await store.close()

const lines = (text: string) => text.split('\r\n').filter((line) => line !== '')

t.test('the figures of a municipality as of a position, then what changed since', async (t) => {
  const asOf = await cli(env, ['export-csv', '--municipality', 'ELB', '--as-of', String(seeded)])
  t.equal(asOf.code, 0, asOf.stderr)
  t.ok(asOf.stdout.startsWith('\uFEFFaction,country,municipality,plan_id,indicator_id,indicator_code,national_code,period,sex,'))
  const rows = lines(asOf.stdout).slice(1)
  t.ok(rows.length > 30, `${rows.length} rows`)
  t.ok(
    rows.every((row) => row.startsWith('I,AL,ELB,')),
    "Elbasan's, every row new",
  )
  t.ok(
    rows.includes(
      `I,AL,ELB,${genderPlan},${certificates},III.2 (f)/T1,,2022,_T,_T,_T,_T,345,,,count,,,,,,reported,0,Raporti i Monitorimit të Zbatimit të PVVBGJ 2022-2024`,
    ),
    'a total, its source in Albanian',
  )
  t.same(JSON.parse(asOf.stderr), { position: String(seeded), since: null }, 'the position to ask since next time')
  t.equal((await cli(env, ['export-csv', '--municipality', 'ELB', '--as-of', String(seeded)])).stdout, asOf.stdout, 'the same bytes again')

  const since = await cli(env, ['export-csv', '--since', String(seeded)])
  t.equal(since.code, 0, since.stderr)
  t.same(
    lines(since.stdout).slice(1),
    [
      `R,AL,ELB,${genderPlan},${certificates},III.2 (f)/T1,,2022,_T,_T,_T,_T,346,,,count,,,,,,corrected,1,Raporti i Monitorimit të Zbatimit të PVVBGJ 2022-2024`,
      `R,AL,ELB,${genderPlan},${certificates},III.2 (f)/T1,,2022,F,_T,_T,_T,55,,,count,,,,,,corrected,1,Raporti i Monitorimit të Zbatimit të PVVBGJ 2022-2024`,
    ],
    'the correction, as an admin reads it before the report is approved again: its total, and its part now of a corrected figure',
  )
  t.same(JSON.parse(since.stderr), { position: String(corrected.position), since: String(seeded) })
  const nothing = await cli(env, ['export-csv', '--since', String(corrected.position)])
  t.equal(lines(nothing.stdout).length, 1, 'nothing since the head: the header alone')
  const drenas = await cli(env, ['export-csv', '--municipality', 'DRE'])
  t.ok(lines(drenas.stdout).length >= 1, "Drenas's plan has no reported figure: at most its header and none of Elbasan's")
  t.notOk(drenas.stdout.includes(',ELB,'))
})

t.test('wrong arguments are refused with the usage', async (t) => {
  for (const args of [
    ['--since', 'soon'],
    ['--municipality', 'elb'],
    ['--plan', '7'],
    ['--since', '5', '--as-of', '4'],
    ['--as-of', '100000'],
  ]) {
    const refused = await cli(env, ['export-csv', ...args])
    t.equal(refused.code, 2, args.join(' '))
    t.match(refused.stderr, /export-csv/, 'with the usage')
  }
})
