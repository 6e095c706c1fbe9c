/**
 * The national catalogue seed, loaded after the plans into a real SQLite file: each national
 * indicator defined once, each link recorded on the indicator it names with the code it names,
 * in the national indicator's own unit, and nothing appended by a second load.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { SqliteEventStore, type RecordedEvent } from '@treguesi/event-store'
import { collect } from '@treguesi/event-store/contract'
import { completeSeeds, loadSeeds, nationalCatalogue, seedId, seeds } from '@treguesi/seeds'

function openStore(t: Test): SqliteEventStore {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-national-catalogue-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const store = new SqliteEventStore({ path: join(dir, 'treguesi.db') })
  t.teardown(() => store.close())
  return store
}

const ofType = <Data>(log: readonly RecordedEvent[], type: string): Data[] => log.filter((e) => e.type === type).map((e) => e.data as Data)

interface IndicatorDefined {
  indicatorId: string
  municipality: string
  code: string
  unit: string
}
interface NationalIndicatorDefined {
  code: string
  unit: string
  numerator?: unknown
  denominator?: unknown
  sdg?: { indicator: string; series?: string }
}
interface NationalCodeLinked {
  indicatorId: string
  nationalCode: string | null
  previous: string | null
  reason: { sq: string; en?: string }
}

/** The links the catalogue makes: the plan seed's id namespace and indicator code, and the national code. */
const expectedLinks: ReadonlyArray<[namespace: string, indicatorCode: string, nationalCode: string]> = [
  ['elbasan-gender-equality', 'IV.2/T1', 'AL-SKBGJ-DV-BUDGET-SHARE'],
  ['elbasan-gender-equality', 'IV.2 (d)/T2', 'AL-SKBGJ-DV-CASES-NEW'],
  ['elbasan-gender-equality', 'IV.2 (d)/T1', 'AL-SKBGJ-DV-CASES-MANAGED'],
  ['elbasan-gender-equality', 'IV.2 (h)/T1', 'AL-SKBGJ-DV-RENT-BONUS'],
  ['elbasan-gender-equality', 'IV.2 (a)/T1', 'AL-SKBGJ-DV-REFERRAL-STAFF-TRAINED'],
  ['elbasan-gender-equality', 'I.2 (a)/T1', 'AL-SKBGJ-GRB-TRAINED'],
  ['elbasan-roma-egyptian', '2.1.1-1', 'AL-PKVRE-PRIMARY-ENROLMENT'],
  ['elbasan-roma-egyptian', 'O2.2-1', 'AL-PKVRE-COMPULSORY-COMPLETION'],
  ['elbasan-roma-egyptian', 'O1-1', 'AL-PKVRE-CIVIL-REGISTRATION-SHARE'],
  ['elbasan-roma-egyptian', '2.1-1', 'AL-PKVRE-THB-REFERRED'],
  ['elbasan-roma-egyptian', '4.1.1-1', 'AL-PKVRE-ALMP-PARTICIPANTS'],
  ['elbasan-roma-egyptian', 'O4.1-1', 'AL-PKVRE-LABOUR-MARKET-INTEGRATION'],
  ['elbasan-roma-egyptian', 'O5.1-1', 'AL-PKVRE-HOUSING-IMPROVED-FAMILIES'],
  ['elbasan-roma-egyptian', '5.2-2', 'AL-PKVRE-INFRA-INVESTMENT'],
  ['elbasan-roma-egyptian', 'O6.1-1', 'AL-PKVRE-SOCIAL-PROTECTION-COVERAGE'],
  ['elbasan-roma-egyptian', '6.2.2-1', 'AL-PKVRE-ROMALB-UPDATED'],
  ['drenas-domestic-violence', 'II.41', 'XK-SKMDHF-DV-CASES-IDENTIFIED'],
  ['drenas-domestic-violence', 'II.4.3/1', 'XK-SKMDHF-DV-PROTECTION-ORDERS'],
  ['drenas-domestic-violence', 'II.4.3/2', 'XK-SKMDHF-DV-FINAL-DECISIONS'],
  ['drenas-domestic-violence', 'II.2.1', 'XK-SKMDHF-DV-SAFE-HOUSING-SHARE'],
  ['drenas-domestic-violence', 'II.2.4/2', 'XK-SKMDHF-DV-VICTIMS-EMPLOYED'],
  ['drenas-domestic-violence', 'I.3.3', 'XK-SKMDHF-MKK-PROTOCOL'],
]

t.test('the catalogue loads after the plans: every national indicator once, every link on its indicator, in its unit', async (t) => {
  const store = openStore(t)
  await loadSeeds(store, seeds)
  const log = await collect(store.readAll())

  t.equal(seeds.at(-1), nationalCatalogue, 'the catalogue is the last seed')
  const definedCommands = nationalCatalogue.commands.filter((c) => c.type === 'DefineNationalIndicator')
  const linkCommands = nationalCatalogue.commands.filter((c) => c.type === 'LinkNationalIndicator')
  t.equal(definedCommands.length + linkCommands.length, nationalCatalogue.commands.length, 'definitions and links only')
  t.ok(
    nationalCatalogue.commands.findIndex((c) => c.type === 'LinkNationalIndicator') >
      nationalCatalogue.commands.findLastIndex((c) => c.type === 'DefineNationalIndicator'),
    'every definition before the first link',
  )

  const national = ofType<NationalIndicatorDefined>(log, 'national-indicator.defined.v1')
  const codes = national.map((n) => n.code)
  t.same([...codes].sort(), definedCommands.map((c) => c.code as string).sort(), 'each national indicator the seed defines is recorded')
  t.equal(new Set(codes).size, codes.length, 'each once')
  t.same(
    [...codes].sort(),
    [...expectedLinks.map(([, , code]) => code), 'AL-SKBGJ-5.5.1b'].sort(),
    'the core indicators of the mapping, and SDG 5.5.1b held ready',
  )
  const unitOf = new Map(national.map((n) => [n.code, n.unit]))
  for (const n of national) {
    t.equal(
      n.numerator !== undefined && n.denominator !== undefined,
      n.unit === 'percent',
      `${n.code}: counts named exactly when a percentage`,
    )
    t.match(n.code, /^(AL-(SKBGJ|PKVRE)|XK-SKMDHF)-/, `${n.code}: country and strategy`)
  }
  t.same(
    national.filter((n) => n.sdg !== undefined).map(({ code, sdg }) => ({ code, sdg })),
    [
      { code: 'AL-SKBGJ-5.5.1b', sdg: { indicator: '5.5.1', series: 'SG_GEN_LOCGELS' } },
      { code: 'AL-PKVRE-SOCIAL-PROTECTION-COVERAGE', sdg: { indicator: '1.3.1' } },
    ],
    'SDG references where the national indicator is the SDG indicator',
  )

  const indicators = new Map(ofType<IndicatorDefined>(log, 'indicator.defined.v1').map((i) => [i.indicatorId, i]))
  const linked = ofType<NationalCodeLinked>(log, 'indicator.national-code-linked.v1')
  t.equal(linked.length, expectedLinks.length, 'one link event per link')
  t.equal(linkCommands.length, expectedLinks.length, 'one link command per link')
  for (const [namespace, indicatorCode, nationalCode] of expectedLinks) {
    const indicatorId = seedId(namespace, 'indicator', indicatorCode)
    const indicator = indicators.get(indicatorId)
    const events = linked.filter((l) => l.indicatorId === indicatorId)
    t.equal(indicator?.code, indicatorCode, `${indicatorCode} is an indicator of ${namespace}`)
    t.match(
      events,
      [{ nationalCode, previous: null, reason: { sq: /\S/, en: /\S/ } }],
      `${namespace} ${indicatorCode} is tied to ${nationalCode}`,
    )
    t.equal(events.length, 1, `${indicatorCode} is linked once`)
    t.equal(indicator?.unit, unitOf.get(nationalCode), `${indicatorCode} is in the unit of ${nationalCode} (${unitOf.get(nationalCode)})`)
  }

  const perMunicipalityAndCode = linked.map((l) => `${indicators.get(l.indicatorId)?.municipality} ${l.nationalCode}`)
  t.equal(new Set(perMunicipalityAndCode).size, linked.length, 'no two indicators of one municipality on one code')
  t.same(
    linked.filter((l) => l.nationalCode === 'AL-SKBGJ-5.5.1b'),
    [],
    'SDG 5.5.1b has no indicator yet',
  )
  const countryOf = new Map(ofType<{ code: string; country: string }>(log, 'municipality.registered.v2').map((m) => [m.code, m.country]))
  for (const l of linked) {
    t.equal(
      l.nationalCode?.slice(0, 2),
      countryOf.get(indicators.get(l.indicatorId)!.municipality),
      `${l.nationalCode}: the country of its municipality`,
    )
  }

  const again = await loadSeeds(store, seeds)
  t.equal(again.appended, 0, 'loading again appends nothing')
  t.equal((await collect(store.readAll())).length, log.length, 'the log is unchanged')
})

t.test('a log that holds the plans only gets the catalogue appended', async (t) => {
  const store = openStore(t)
  const plans = seeds.filter((seed) => seed !== nationalCatalogue)
  const before = await loadSeeds(store, plans)
  const completed = await completeSeeds(store, seeds)
  t.match(completed, { found: 'partial', commands: nationalCatalogue.commands.length, appended: nationalCatalogue.commands.length })
  const log = await collect(store.readAll())
  t.same(
    log.slice(Number(before.position!)).map((e) => e.metadata.commandId),
    nationalCatalogue.commands.map((_, index) => seedId(nationalCatalogue.name, 'command', String(index))),
    'the catalogue commands, after the plans',
  )
  t.match(await completeSeeds(store, seeds), { found: 'complete', appended: 0 }, 'then the seeds are complete')
})
