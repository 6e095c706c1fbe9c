import t from 'tap'
import { z } from 'zod'
import { parseCommand } from './parse-command.js'

const schema = z.object({ type: z.literal('Rename'), name: z.object({ sq: z.string().min(1, { message: 'must not be empty' }) }) })

t.test('parseCommand returns the parsed command', async (t) => {
  t.same(parseCommand('Rename', schema, { type: 'Rename', name: { sq: 'Çerçiz' } }), { type: 'Rename', name: { sq: 'Çerçiz' } })
})

t.test('the first problem names its field by path', async (t) => {
  t.throws(() => parseCommand('Rename', schema, { type: 'Rename', name: { sq: '' } }), {
    code: 'TRG_INVALID_COMMAND',
    details: { command: 'Rename', field: 'name.sq', problem: 'must not be empty' },
  })
})

t.test('a command that is not an object at all is named as the whole command', async (t) => {
  t.throws(() => parseCommand('Rename', schema, 'rename please'), {
    code: 'TRG_INVALID_COMMAND',
    details: { command: 'Rename', field: '(command)' },
  })
})
