import { readFileSync } from 'node:fs'
import t from 'tap'
import {
  codeProblems,
  codesOf,
  conditionOf,
  iatiProblemsOf,
  iatiStandards,
  parseXml,
  ruleProblems,
  schemaProblemsOf,
} from './test-support.js'

/**
 * The checks the IATI specs rely on must be able to fail: each is shown a document that breaks
 * it, starting from the standards folder's example activity, which is valid.
 */

const exampleAsGiven = readFileSync(`${iatiStandards}example-activity.xml`, 'utf8')
/**
 * The example names the policy marker's vocabulary, whose codelist (PolicyMarkerVocabulary) the
 * folder does not hold, so its code cannot be checked; left out, the vocabulary is the one the
 * schema assumes (OECD DAC CRS), as in the files the writer makes.
 */
const example = exampleAsGiven.replace('<policy-marker vocabulary="1" ', '<policy-marker ')

/** Every document the code and rule checks are shown: each must be one the schema accepts (see the last test). */
const shown: string[] = []

/** The example with `from` replaced by `to`; the replacement must take place. */
function broken(from: string | RegExp, to: string, base = example): string {
  const changed = base.replace(from, to)
  if (changed === base) throw new Error(`${from} is not in the example`)
  shown.push(changed)
  return changed
}

/** What the codelists refuse in the example changed so. */
const codes = (from: string | RegExp, to: string) => codeProblems(parseXml(broken(from, to)))
/** What the ruleset refuses in the example changed so. */
const rules = (from: string | RegExp, to: string, base = example) => ruleProblems(parseXml(broken(from, to, base)))

t.test("the standards folder's example passes every check; the schema refuses what it should", async (t) => {
  const [valid, asGiven, misplaced, withoutMeasure, withoutVersion] = await iatiProblemsOf([
    example,
    exampleAsGiven,
    example.replace('<iati-identifier>', '<title/><iati-identifier>'),
    example.replace('<indicator measure="2" ascending="true">', '<indicator ascending="true">'),
    example.replace('<iati-activities version="2.03"', '<iati-activities'),
  ])
  t.strictSame(valid, [])
  t.strictSame(
    asGiven,
    [
      'codelist: //iati-activity/policy-marker/@vocabulary holds 1, and the codelist PolicyMarkerVocabulary is not in the standards folder to check it',
    ],
    'a codelist the folder lacks is reported, never taken as passed',
  )
  t.ok(
    misplaced!.some((problem) =>
      /^schema: document-2\.xml:\d+: Schemas validity error : Element 'title': This element is not expected/.test(problem),
    ),
    'an element out of place',
  )
  t.ok(
    withoutMeasure!.some((problem) => problem.includes("Element 'indicator': The attribute 'measure' is required but missing")),
    'a required attribute missing',
  )
  t.ok(
    withoutVersion!.length > 0 && withoutVersion!.every((problem) => problem.startsWith('schema: document-4.xml')),
    "each document's own messages",
  )
})

t.test('codes: every attribute the mapping ties to a codelist holds an active code of it', async (t) => {
  t.strictSame(codes('<indicator measure="2"', '<indicator measure="7"'), [
    'codelist: //iati-activity/result/indicator/@measure holds 7, which is not an active code of IndicatorMeasure',
  ])
  t.strictSame(codes('<iati-activities version="2.03"', '<iati-activities version="2.99"'), [
    'codelist: //iati-activities/@version holds 2.99, which is not an active code of Version',
  ])
  t.strictSame(
    codes('default-currency="ALL"', 'default-currency="BYR"'),
    ['codelist: //iati-activity/@default-currency holds BYR, which is not an active code of Currency'],
    'a withdrawn code is refused',
  )
  t.strictSame(
    codes('<narrative xml:lang="en">UN Women', '<narrative xml:lang="xx">UN Women'),
    ['codelist: //@xml:lang holds xx, which is not an active code of Language'],
    'on any element',
  )
  t.strictSame(codes('<sector vocabulary="1" code="15180" percentage="40"/>', '<sector vocabulary="1" code="99999" percentage="40"/>'), [
    'codelist: //iati-activity/sector/@code holds 99999, which is not an active code of Sector',
  ])
  t.strictSame(
    codes('<sector vocabulary="1" code="15180" percentage="40"/>', '<sector code="15180" percentage="40"/>'),
    [],
    'a sector without a vocabulary is a DAC code',
  )
  t.strictSame(
    codes('<sector vocabulary="1" code="15180" percentage="40"/>', '<sector vocabulary="2" code="15180" percentage="40"/>'),
    ['codelist: //iati-activity/sector/@code holds 15180, which is not an active code of SectorCategory'],
    "the codelist the vocabulary's condition names",
  )
  t.strictSame(
    codes('<sector vocabulary="1" code="15180" percentage="40"/>', '<sector vocabulary="99" code="own" percentage="40"/>'),
    [],
    "an own vocabulary's codes are the publisher's",
  )
  t.strictSame(
    codes('  </iati-activity>', '    <crs-add><channel-code>21000</channel-code></crs-add>\n  </iati-activity>'),
    [
      'codelist: //iati-activity/crs-add/channel-code/text() holds 21000, and the codelist CRSChannelCode is not in the standards folder to check it',
    ],
    'a code given as text',
  )
  t.equal(codesOf('Country')?.has('XK'), true)
  t.equal(codesOf('NoSuchList'), null)
})

t.test("the mapping's conditions: both forms it uses, and no other", async (t) => {
  const node = (attributes: Record<string, string>) => ({ name: 'sector', attributes, children: [], text: '' })
  t.ok(conditionOf(undefined)(node({})))
  const dac = conditionOf("@vocabulary = '1' or not(@vocabulary)")
  t.strictSame([dac(node({ vocabulary: '1' })), dac(node({})), dac(node({ vocabulary: '2' }))], [true, true, false])
  t.throws(() => conditionOf("@vocabulary != '1'"), /of a form this check does not read/)
  t.strictSame(codeProblems(parseXml('<iati-organisations version="2.03"/>')), [], 'nothing of an organisation file is read')
})

t.test('the rules of the IATI standard ruleset', async (t) => {
  const identifier = '<iati-identifier>AL-COA-ELB-PVVBGJ-2022-2024</iati-identifier>'
  t.strictSame(rules(identifier, '<iati-identifier>AL-COA-ELB</iati-identifier>'), [
    "rule 1.1.3: the identifier AL-COA-ELB is the reporting organisation's",
    'rule 1.1.21: AL-COA-ELB does not begin with AL-COA-ELB-',
  ])
  t.strictSame(rules(identifier, '<iati-identifier>AL-COA-ELB-PVVBGJ/2022?</iati-identifier>'), [
    'rule 1.3.13: AL-COA-ELB-PVVBGJ/2022? holds / & | or ?',
  ])
  t.strictSame(rules('<participating-org role="2" type="11" ref="AL-COA-ELB">', '<participating-org role="2" type="11" ref="AL|ELB">'), [
    'rule 1.3.13: AL|ELB holds / & | or ?',
  ])
  t.strictSame(rules(' xml:lang="sq" default-currency', ' default-currency'), [
    'rule 4.1.1: a narrative has no language, and the activity no default one',
  ])
  t.strictSame(
    rules(/<narrative>/g, '<narrative xml:lang="sq">', example.replace(' xml:lang="sq" default-currency', ' default-currency')),
    [],
    'every narrative says its language',
  )
  t.strictSame(rules(/ *<activity-date type="[12]"[^>]*>\n/g, ''), ['rule 6.11.1: no start date'])
  t.strictSame(rules(' default-currency="ALL"', ''), [], 'every value has its currency')
  t.strictSame(
    rules(
      '<value currency="ALL" value-date="2024-12-31">',
      '<value value-date="2024-12-31">',
      example.replace(' default-currency="ALL"', ''),
    ),
    ['rule 7.8.1: a value has no currency, and the activity no default one'],
  )
  t.strictSame(rules('<recipient-country code="AL"/>', ''), ['rule 3.7.1: no recipient country or region'])
  t.strictSame(rules('<recipient-country code="AL"/>', '<recipient-region code="89" vocabulary="1"/>'), [], 'a region will do')
  t.strictSame(rules('<recipient-country code="AL"/>', '<recipient-country code="AL" percentage="100"/>'), [])
  t.strictSame(rules('<recipient-country code="AL"/>', '<recipient-country code="AL" percentage="50"/>'), [
    'rule 3.1.4: a single recipient country below 100 %',
  ])
  t.strictSame(
    rules('<recipient-country code="AL"/>', '<recipient-country code="AL" percentage="50"/><recipient-country code="XK" percentage="50"/>'),
    [],
  )
})

t.test('the ruleset: sectors', async (t) => {
  const sectors = /<sector vocabulary="1" code="15170" percentage="60"\/>\s*<sector vocabulary="1" code="15180" percentage="40"\/>/
  t.strictSame(rules(sectors, '<sector vocabulary="1" code="15170"/>'), [], 'a single sector needs no percentage')
  t.strictSame(rules(sectors, '<sector vocabulary="1" code="15170" percentage="100"/>'), [])
  t.strictSame(rules(sectors, '<sector vocabulary="1" code="15170" percentage="60"/>'), [
    'rule 2.1.4: the single sector of vocabulary 1 is not 100 %',
  ])
  t.strictSame(rules(sectors, '<sector vocabulary="1" code="15170" percentage="60"/><sector code="15180"/>'), [
    'rule 2.1.1: sectors of vocabulary 1 without a percentage',
  ])
  t.strictSame(
    rules(sectors, '<sector vocabulary="1" code="15170" percentage="60"/><sector vocabulary="1" code="15180" percentage="30"/>'),
    ['rule 2.1.2: the sectors of vocabulary 1 add up to 90 %, not 100'],
  )
  t.strictSame(rules(sectors, ''), ['rule 6.2.2: no sector on the activity, nor on every transaction'])
  const onTransaction = '</provider-org>\n      <sector vocabulary="1" code="15170"/>'
  t.strictSame(rules('</provider-org>', onTransaction, example.replace(sectors, '')), [], 'on every transaction')
  t.strictSame(rules('</provider-org>', onTransaction), ['rule 6.6.2: sectors on the activity and on transactions'])
  t.strictSame(
    rules(/ *<transaction ref[\s\S]*<\/transaction>\n/, '', example.replace(sectors, '')),
    ['rule 6.2.2: no sector on the activity, nor on every transaction'],
    'without transactions, on the activity',
  )
})

t.test('the ruleset: budgets, dates, results', async (t) => {
  const budgetEnd = '<period-end iso-date="2024-12-31"/>\n      <value currency="ALL" value-date="2024-01-01">12500000.00</value>'
  t.strictSame(rules(budgetEnd, budgetEnd.replace('2024-12-31', '2023-12-31')), ['rule 8.6.3: a budget from 2024-01-01 to 2023-12-31'])
  t.strictSame(rules(budgetEnd, budgetEnd.replace('2024-12-31', '2025-12-31')), [
    'rule 7.5.3: a budget from 2024-01-01 to 2025-12-31 is longer than a year',
  ])
  t.strictSame(rules('generated-datetime="2025-03-01T09:00:00+01:00"', 'generated-datetime="2024-06-01T09:00:00+01:00"'), [
    'rule 11.2.1: a transaction dated 2024-12-31, after 2024-06-01',
    'rule 11.2.2: a value dated 2024-12-31, after 2024-06-01',
  ])
  t.strictSame(
    ruleProblems(parseXml(example.replace(/ generated-datetime="[^"]*"/, ''))),
    [],
    'no day of generation: no date is in the future',
  )
  t.strictSame(
    rules(
      /(<result type="2" aggregation-status="false">\s*<title>[\s\S]*?<\/title>)/,
      '$1\n      <reference vocabulary="99" code="IV.2"/>',
    ),
    ['rule 8.11.1: references on a result and on its indicators'],
  )
  t.strictSame(rules('<baseline year="2021" value="0.4"/>', '<baseline year="2021"/>'), [
    'rule 8.8.1: a baseline of an indicator of measure 2 has no value',
  ])
  t.strictSame(rules('<target value="2"/>', '<target/>'), ['rule 8.9.1: a period/target of an indicator of measure 2 has no value'])
  t.strictSame(rules('<actual value="80"/>', '<actual/>'), ['rule 8.10.1: a period/actual of an indicator of measure 1 has no value'])
  t.strictSame(rules('<baseline year="2021">', '<baseline year="2021" value="0">'), [
    'rule 8.8.3: a baseline of a qualitative indicator has a value',
  ])
  t.strictSame(
    rules(
      '<period-start iso-date="2024-01-01"/>\n          <period-end iso-date="2024-12-31"/>\n          <target value="2"/>',
      '<period-start iso-date="2024-12-31"/>\n          <period-end iso-date="2024-01-01"/>\n          <target value="2"/>',
    ),
    ['rule 8.6.1: a result period from 2024-12-31 to 2024-01-01'],
  )
})

t.test('every document the code and rule checks were shown is one the schema accepts', async (t) => {
  t.ok(shown.length > 30)
  t.strictSame(
    await schemaProblemsOf(shown),
    shown.map(() => []),
  )
})
