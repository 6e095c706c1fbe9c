import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { accessTable } from '../src/access/access-table.js'

const docPath = fileURLToPath(new URL('../../../docs/access.md', import.meta.url))
const start = '<!-- access-table: generated from services/api/src/access/access-table.ts -->'
const end = '<!-- access-table: end -->'

// Every cell, as the rules are meant: read, feed, recorder, history, write.
const expected: Record<string, Record<string, string>> = {
  anonymous: { draft: 'no no no no no', approved: 'yes yes no no no', closed: 'yes yes no no no' },
  viewer: { draft: 'no no no no no', approved: 'yes yes no no no', closed: 'yes yes no no no' },
  ministry: { draft: 'no no no no no', approved: 'yes yes no no no', closed: 'yes yes no no no' },
  "editor of the plan's municipality": { draft: 'yes yes yes no yes', approved: 'yes yes yes no yes', closed: 'yes yes yes no no' },
  'editor of another municipality': { draft: 'no no no no no', approved: 'yes yes no no no', closed: 'yes yes no no no' },
  admin: { draft: 'yes yes yes yes yes', approved: 'yes yes yes yes yes', closed: 'yes yes yes yes no' },
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
  t.equal(rows.length, 18, 'six callers, three plan statuses')
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
