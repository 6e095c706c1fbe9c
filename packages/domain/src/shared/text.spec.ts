import t from 'tap'
import {
  codeSchema,
  localizedLabelSchema,
  localizedTextSchema,
  longestText,
  textKinds,
  textProblem,
  textSchema,
  trimmedTextSchema,
} from './text.js'

const { code, label, paragraph } = textKinds

t.test('each kind has its length: just inside is taken, one more is refused with both lengths', async (t) => {
  t.equal(textProblem('x'.repeat(64), code), null)
  t.equal(textProblem('x'.repeat(65), code), 'must be at most 64 characters long, not 65')
  t.equal(textProblem('ë'.repeat(500), label), null, 'an Albanian letter is one character')
  t.equal(textProblem('ç'.repeat(501), label), 'must be at most 500 characters long, not 501')
  t.equal(textProblem('x'.repeat(5000), paragraph), null)
  t.equal(textProblem('x'.repeat(5001), paragraph), 'must be at most 5000 characters long, not 5001')
  t.equal(longestText, paragraph, 'the longest text is a paragraph')
})

t.test('one-line texts take no control character; paragraphs take line feeds and tabs only', async (t) => {
  t.equal(textProblem('Rreshti i parë\nRreshti i dytë\tme skedë', paragraph), null)
  t.equal(textProblem('Titulli\nme dy rreshta', label), 'must not contain the control character U+000A: it is written on one line')
  t.equal(textProblem('Titulli\tme skedë', label), 'must not contain the control character U+0009: it is written on one line')
  t.equal(textProblem('ELB\u0000', code), 'must not contain the control character U+0000: it is written on one line')
  for (const [character, name] of [
    ['\u0000', 'U+0000'],
    ['\r', 'U+000D'],
    ['\u001b', 'U+001B'],
    ['\u007f', 'U+007F'],
    ['\u0085', 'U+0085'],
  ]) {
    t.equal(
      textProblem(`para${character}graf`, paragraph),
      `must not contain the control character ${name}: only line feeds and tabs are allowed`,
      `${name} in a paragraph`,
    )
  }
})

t.test('half of a surrogate pair is refused; a whole pair (an emoji) is text', async (t) => {
  const halves = 'must be well-formed Unicode: it holds half of a surrogate pair'
  t.equal(textProblem('a\ud800b', label), halves, 'a lone high surrogate')
  t.equal(textProblem('a\udc00', label), halves, 'a lone low surrogate')
  t.equal(textProblem('\udc00\ud800', paragraph), halves, 'the halves in the wrong order')
  t.equal(textProblem('Barazi 👩‍⚖️', label), null)
})

t.test('the schemas: texts kept as written or trimmed, labels and descriptions in both languages', async (t) => {
  t.equal(textSchema(label).parse(' Nr. 45 '), ' Nr. 45 ', 'kept exactly')
  t.equal(trimmedTextSchema(label).parse('  Buxheti vendor  '), 'Buxheti vendor')
  t.match(trimmedTextSchema(label, 'a name must not be empty').safeParse('   ').error?.issues, [{ message: 'a name must not be empty' }])
  t.equal(trimmedTextSchema(label).safeParse(`${'x'.repeat(500)}   `).success, true, 'outer blanks go before the length is measured')
  t.same(localizedLabelSchema.parse({ sq: ' Barazia gjinore ', en: 'Gender equality' }), { sq: 'Barazia gjinore', en: 'Gender equality' })
  t.match(localizedLabelSchema.safeParse({ sq: 'Titull', en: ' ' }).error?.issues, [
    { path: ['en'], message: 'must not be empty when given' },
  ])
  t.match(localizedLabelSchema.safeParse({ sq: 'Dy\nrreshta' }).error?.issues, [{ path: ['sq'], message: /written on one line/ }])
  t.same(localizedTextSchema.parse({ sq: 'Dy\nrreshta' }), { sq: 'Dy\nrreshta' })
  t.match(localizedTextSchema.safeParse({ sq: 'x'.repeat(5001) }).error?.issues, [{ path: ['sq'], message: /at most 5000/ }])
  t.equal(codeSchema.parse('I.4..2'), 'I.4..2')
  t.match(codeSchema.safeParse('').error?.issues, [{ message: 'must not be empty' }])
  t.match(codeSchema.safeParse('x'.repeat(65)).error?.issues, [{ message: 'must be at most 64 characters long, not 65' }])
})
