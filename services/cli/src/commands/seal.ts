import { sealLog } from '@treguesi/audit'
import { exitCodes, parsePosition, stringOption, toJson, withStore, writeLine, type CliCommand } from '../context.js'

export const sealCommand: CliCommand = {
  usage: 'seal [--up-to <position>]',
  summary: 'appends a seal to audit-seals committing to the whole log (or up to a position); run it regularly',
  options: { 'up-to': { type: 'string' } },
  maxPositionals: 0,
  async run({ values }, io) {
    const options = stringOption(values, 'up-to', (text) => ({ upTo: parsePosition('--up-to', text) }), {})
    const outcome = await withStore(io, (store) => sealLog(store, options))
    await writeLine(io.stdout, toJson(outcome))
    return exitCodes.ok
  },
}
