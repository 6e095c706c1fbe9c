import t from 'tap'
import { csvRecord, csvText, utf8Bom } from './csv.js'

t.test('plain fields are written as they are, separated by commas and ended by CRLF', async (t) => {
  t.equal(csvRecord(['I', 'AL', 'ELB']), 'I,AL,ELB\r\n')
  t.equal(csvRecord(['one']), 'one\r\n', 'a single field')
  t.equal(csvRecord([]), '\r\n', 'no field: an empty record, still terminated')
  t.equal(csvRecord(['a b', ' padded ']), 'a b, padded \r\n', 'spaces are part of a field (RFC 4180), not a reason to quote')
  t.equal(csvRecord(["it's"]), "it's\r\n", 'an apostrophe is no quote')
})

t.test('null is an empty field, numbers are written in full', async (t) => {
  t.equal(csvRecord([null]), '\r\n')
  t.equal(csvRecord(['a', null, 'b']), 'a,,b\r\n')
  t.equal(csvRecord([null, null]), ',\r\n')
  t.equal(csvRecord([0, 3, -2, 1.5]), '0,3,-2,1.5\r\n')
  t.equal(csvRecord(['', 'x']), ',x\r\n', 'an empty string is an empty field too')
})

t.test('a field with a comma, a quote or a line break is quoted, its quotes doubled', async (t) => {
  t.equal(csvRecord(['Elbasan, Shqipëri']), '"Elbasan, Shqipëri"\r\n')
  t.equal(csvRecord(['Raporti "REVALB"']), '"Raporti ""REVALB"""\r\n')
  t.equal(csvRecord(['"']), '""""\r\n', 'a lone quote')
  t.equal(csvRecord(['rreshti 1\nrreshti 2']), '"rreshti 1\nrreshti 2"\r\n', 'a line feed')
  t.equal(csvRecord(['rreshti 1\rrreshti 2']), '"rreshti 1\rrreshti 2"\r\n', 'a carriage return')
  t.equal(csvRecord(['a\r\nb']), '"a\r\nb"\r\n', 'CRLF inside a field')
  t.equal(csvRecord(['x', 'a,"b"\n', 'y']), 'x,"a,""b""\n",y\r\n', 'only the field that needs it is quoted')
  // The pattern is tested again and again: a global or sticky regex would alternate results.
  t.equal(csvRecord(['a,b', 'c,d', 'e,f']), '"a,b","c,d","e,f"\r\n', 'every such field, one after another')
})

t.test('Albanian text stays intact, and the byte order mark is UTF-8’s', async (t) => {
  const albanian = 'Përfaqësuese të Komunitetit Rom, çështje gjinore'
  t.equal(csvRecord([albanian]), `"${albanian}"\r\n`)
  t.equal(csvRecord(['Ëndërr', 'ç']), 'Ëndërr,ç\r\n')
  t.equal(utf8Bom, '\uFEFF')
  t.strictSame([...Buffer.from(utf8Bom, 'utf8')], [0xef, 0xbb, 0xbf], 'EF BB BF once encoded')
  t.strictSame([...Buffer.from(csvRecord(['ë', 'ç']), 'utf8')], [0xc3, 0xab, 0x2c, 0xc3, 0xa7, 0x0d, 0x0a], 'ë and ç as UTF-8, then CRLF')
})

t.test('text that would start a formula gets an apostrophe; other text and null stay as they are', async (t) => {
  for (const risky of ['=HYPERLINK("x")', '+1', '-1+2', '@A1', '\tx', '\rx']) t.equal(csvText(risky), `'${risky}`, JSON.stringify(risky))
  t.equal(csvText('Raporti vjetor'), 'Raporti vjetor')
  t.equal(csvText('a=b'), 'a=b', 'only a leading sign counts')
  t.equal(csvText(null), null)
})
