import t from 'tap'
import { messages } from '../src/web/messages.js'

t.test('every interface text is there in Albanian and English, taking the same arguments', async (t) => {
  const { sq, en } = messages
  const keys = (texts: object) => Object.keys(texts).sort()
  t.same(keys(en), keys(sq), 'the same texts in both languages')
  const sample = (text: unknown): string =>
    typeof text === 'function' ? String(text(...Array.from({ length: text.length }, (_, index) => `{${index}}`))) : String(text)
  for (const key of keys(sq).filter((key) => key !== 'names')) {
    const [albanian, english] = [sq[key as keyof typeof sq], en[key as keyof typeof en]]
    t.equal(typeof english, typeof albanian, `${key}: of one kind`)
    if (typeof albanian === 'function' && typeof english === 'function')
      t.equal(english.length, albanian.length, `${key}: the same arguments`)
    t.ok(sample(albanian).trim().length > 0 && sample(english).trim().length > 0, `${key}: not empty`)
    // Every argument a text takes is shown, in both languages.
    if (typeof albanian === 'function') {
      for (let index = 0; index < albanian.length; index += 1) {
        t.match(sample(albanian), `{${index}}`, `${key}: Albanian shows argument ${index}`)
        t.match(sample(english), `{${index}}`, `${key}: English shows argument ${index}`)
      }
    }
  }
  for (const group of keys(sq.names) as Array<keyof typeof sq.names>) {
    t.same(keys(en.names[group]), keys(sq.names[group]), `names of ${group} in both languages`)
    for (const [code, name] of Object.entries(sq.names[group]))
      t.ok(name && (en.names[group] as Record<string, string>)[code], `${group}.${code}`)
  }
  t.match(sq.signInHelp, 'shfletues', 'Albanian text as written, with ë and ç')
  t.match(sq.changes, 'Çfarë')
})
