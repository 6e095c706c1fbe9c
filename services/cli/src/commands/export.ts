import { exportLog } from '@treguesi/audit'
import { exitCodes, withStore, writeLine, type CliCommand } from '../context.js'

export const exportCommand: CliCommand = {
  usage: 'export [--stream <stream>]',
  summary: 'writes the log (or one stream) to stdout as NDJSON, one event per line, in log order',
  options: { stream: { type: 'string' } },
  maxPositionals: 0,
  async run({ values }, io) {
    const { stream } = values
    await withStore(io, async (store) => {
      for await (const line of exportLog(store, typeof stream === 'string' ? { stream } : {})) {
        await writeLine(io.stdout, line)
      }
    })
    return exitCodes.ok
  },
}
