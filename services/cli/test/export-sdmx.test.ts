import { seedId } from '@treguesi/seeds'
import t from 'tap'
import { cli, seededStore } from './support.js'

// `export-sdmx` on the seed plans in a real SQLite file: the SDMX-CSV 2.0 message of the figures
// tied to national codes, filtered, and only what changed since a position (R, D).

const { env, store, seeded, run } = await seededStore(t)
const genderPlan = seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024')
const newCases = seedId('elbasan-gender-equality', 'indicator', 'IV.2 (d)/T2')
const trained = seedId('elbasan-gender-equality', 'indicator', 'I.2 (a)/T1')
await run({ type: 'ReopenReport', planId: genderPlan, period: '2024', reason: { sq: 'Rinumërim' } })
await run({ type: 'CorrectIndicatorValue', indicatorId: newCases, period: '2024', value: '160', reason: { sq: 'Tre raste më shumë' } })
const untied = await run({
  type: 'LinkNationalIndicator',
  indicatorId: trained,
  nationalCode: null,
  reason: { sq: 'Nuk mat të njëjtën gjë' },
})
await store.close()

const lines = (text: string) => text.split('\r\n').filter((line) => line !== '')
const header =
  'STRUCTURE[;],STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,SEX,ETHNICITY,URBANISATION,AGE,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT,OBS_STATUS,CONF_STATUS,COMMENT_OBS[sq;en]'
const flow = 'dataflow,TREGUESI:DF_LAP_INDICATORS(1.0.0)'
const source = 'sq:Raporti i Monitorimit të Zbatimit të PVVBGJ 2022-2024'

t.test('the nationally coded figures as of the seeds: one observation per national code, full keys', async (t) => {
  const asOf = await cli(env, ['export-sdmx', '--as-of', String(seeded)])
  t.equal(asOf.code, 0, asOf.stderr)
  const [first, ...rows] = lines(asOf.stdout)
  t.equal(first, header, 'the header: no byte order mark, STRUCTURE[;] first')
  t.same(rows, [
    `${flow},I,A,ELB,AL-SKBGJ-DV-BUDGET-SHARE,_T,_T,_T,_T,2024,0.9,PT,0,A,F,sq:Llogaritur nga alokimet buxhetore;en:Computed from budget allocations`,
    `${flow},I,A,ELB,AL-SKBGJ-DV-CASES-MANAGED,_T,_T,_T,_T,2024,208,NUMBER,0,A,F,${source}`,
    `${flow},I,A,ELB,AL-SKBGJ-DV-CASES-NEW,_T,_T,_T,_T,2024,157,NUMBER,0,A,F,${source}`,
    `${flow},I,A,ELB,AL-SKBGJ-DV-REFERRAL-STAFF-TRAINED,_T,_T,_T,_T,2024,31,NUMBER,0,A,F,${source}`,
    `${flow},I,A,ELB,AL-SKBGJ-DV-RENT-BONUS,_T,_T,_T,_T,2024,63,NUMBER,0,A,F,${source}`,
    `${flow},I,A,ELB,AL-SKBGJ-GRB-TRAINED,_T,_T,_T,_T,2024,12,NUMBER,0,A,F,${source}`,
  ])
  t.same(JSON.parse(asOf.stderr), { position: String(seeded), since: null })
  t.equal((await cli(env, ['export-sdmx', '--as-of', String(seeded)])).stdout, asOf.stdout, 'the same bytes again')

  const filtered = await cli(env, [
    'export-sdmx',
    '--as-of',
    String(seeded),
    '--filter',
    'c[UNIT_MEASURE]=PT',
    '--filter',
    'c[REF_AREA]=ELB',
  ])
  t.same(lines(filtered.stdout).slice(1), [rows[0]], 'the percentages of Elbasan')
  const none = await cli(env, ['export-sdmx', '--as-of', String(seeded), '--filter', 'c[TIME_PERIOD]=lt:2024'])
  t.same(lines(none.stdout), [header], 'nothing before 2024: the header alone')
})

t.test('since the seeds: a correction replaces (R), an untied indicator is deleted (D, its key only)', async (t) => {
  const since = await cli(env, ['export-sdmx', '--since', String(seeded)])
  t.equal(since.code, 0, since.stderr)
  t.same(lines(since.stdout).slice(1), [
    `${flow},R,A,ELB,AL-SKBGJ-DV-CASES-NEW,_T,_T,_T,_T,2024,160,NUMBER,0,A,F,${source}`,
    `${flow},D,A,ELB,AL-SKBGJ-GRB-TRAINED,_T,_T,_T,_T,2024,,,,,,`,
  ])
  t.same(JSON.parse(since.stderr), { position: String(untied.position), since: String(seeded) })
})

t.test('wrong arguments are refused with the usage; filters the log cannot answer, with their code', async (t) => {
  for (const args of [
    ['--filter', 'c[SEX]'],
    ['--filter', 'sex=F'],
    ['--since', 'soon'],
    ['--as-of', '100000'],
  ]) {
    const refused = await cli(env, ['export-sdmx', ...args])
    t.equal(refused.code, 2, args.join(' '))
    t.match(refused.stderr, /usage: npm run treguesi -- export-sdmx .*--filter c\[DIM\]=<codes>/, 'with the usage')
    t.equal(refused.stdout, '', 'and no file')
  }
  for (const [filter, code, exit] of [
    ['c[FOO]=1', 'TRG_INVALID_VALUE', 2],
    ['c[TIME_PERIOD]=2024-M01', 'TRG_INVALID_VALUE', 2],
    ['c[SEX]=lt:F', 'TRG_INVALID_VALUE', 2],
    ['c[REF_AREA]=TIR', 'TRG_NOT_FOUND', 1],
  ] as const) {
    const refused = await cli(env, ['export-sdmx', '--filter', filter])
    t.equal(refused.code, exit, filter)
    t.match(refused.stderr, `[${code}]`)
    t.equal(refused.stdout, '', 'and no file')
  }
})
