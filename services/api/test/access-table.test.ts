import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { accessTable } from '../src/access/access-table.js'

const docPath = fileURLToPath(new URL('../../../docs/access.md', import.meta.url))
const start = '<!-- access-table: generated from services/api/src/access/access-table.ts -->'
const end = '<!-- access-table: end -->'

// Every cell, as the rules are meant. Columns: read, feed, recorder, small counts, figures before approval,
// history; change the content, submit it, return or approve it, reopen it; report figures and submit
// reports, review reports.
const outsider = { draft: '', 'draft, submitted': '', approved: 'yes yes', 'approved, reopened': 'yes yes', closed: 'yes yes' }
/** What a caller of no rights beyond reading public plans gets. */
const readsPublic = Object.fromEntries(
  Object.entries(outsider).map(([stage, read]) => [stage, `${read || 'no no'} no no no no no no no no no no`]),
)
const expected: Record<string, Record<string, string>> = {
  anonymous: readsPublic,
  viewer: readsPublic,
  ministry: readsPublic,
  'editor of another municipality': readsPublic,
  'reviewer of another municipality': readsPublic,
  "editor of the plan's municipality": {
    draft: 'yes yes yes yes yes no yes yes no no yes no',
    'draft, submitted': 'yes yes yes yes yes no no no no no yes no',
    approved: 'yes yes yes yes yes no no no no no yes no',
    'approved, reopened': 'yes yes yes yes yes no yes yes no no yes no',
    closed: 'yes yes yes yes yes no no no no no no no',
  },
  "reviewer of the plan's municipality": {
    draft: 'yes yes yes yes yes no no no no no no yes',
    'draft, submitted': 'yes yes yes yes yes no no no yes no no yes',
    approved: 'yes yes yes yes yes no no no no yes no yes',
    'approved, reopened': 'yes yes yes yes yes no no no no no no yes',
    closed: 'yes yes yes yes yes no no no no no no no',
  },
  admin: {
    draft: 'yes yes yes yes yes yes yes yes no no yes yes',
    'draft, submitted': 'yes yes yes yes yes yes no no yes no yes yes',
    approved: 'yes yes yes yes yes yes no no no yes yes yes',
    'approved, reopened': 'yes yes yes yes yes yes yes yes no no yes yes',
    closed: 'yes yes yes yes yes yes no no no no no no',
  },
}

t.test('every cell of the access table is what the rules mean', async (t) => {
  const rows = accessTable()
    .split('\n')
    .slice(2)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
  t.equal(rows.length, 40, 'eight callers, five stages of a plan')
  for (const [caller, status, ...cells] of rows) t.equal(cells.join(' '), expected[caller!]![status!], `${caller}, ${status} plan`)
})

t.test('docs/access.md shows the table the policy makes (TREGUESI_WRITE_DOCS=1 writes it)', async (t) => {
  const doc = readFileSync(docPath, 'utf8')
  const before = doc.slice(0, doc.indexOf(start) + start.length)
  const after = doc.slice(doc.indexOf(end))
  const generated = `${before}\n${accessTable()}\n${after}`
  if (process.env.TREGUESI_WRITE_DOCS === '1') writeFileSync(docPath, generated)
  t.ok(doc.includes(start) && doc.includes(end), 'the markers are there')
  t.equal(doc, generated, 'regenerate with TREGUESI_WRITE_DOCS=1 npx tap services/api/test/access-table.test.ts')
})
