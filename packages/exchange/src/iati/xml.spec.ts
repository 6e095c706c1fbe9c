import t from 'tap'
import { escapeText, renderXml } from './xml.js'

t.test('text is escaped so that a parser gives it back as written', async (t) => {
  t.equal(escapeText(`a & b < c > d "e" 'f'`), 'a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;')
  t.equal(escapeText('line\r\nnext\ttab'), 'line&#13;\nnext\ttab', 'a carriage return as a reference; a line feed and a tab stay')
  t.equal(escapeText('Përshëndetje, Çerçiz'), 'Përshëndetje, Çerçiz', 'Albanian letters as they are')
})

t.test('elements: attributes in order, empty ones closed, missing parts left out', async (t) => {
  t.equal(
    renderXml({
      name: 'a',
      attributes: { x: '1', skipped: undefined, y: 'tab\tline\nbreak "q"' },
      children: [{ name: 'b', text: 'x < y' }, null, { name: 'c' }, { name: 'd', children: [null] }],
    }),
    '<a x="1" y="tab&#9;line&#10;break &quot;q&quot;">\n  <b>x &lt; y</b>\n  <c/>\n  <d/>\n</a>\n',
  )
  t.equal(renderXml({ name: 'e', text: '' }, 2), '    <e></e>\n', 'empty text is text')
})
