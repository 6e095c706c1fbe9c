import { formatHead, verifyLog } from '@treguesi/audit'
import { exitCodes, withStore, writeLine, type CliCommand } from '../context.js'
import { reportFailure } from './verify.js'

export const headCommand: CliCommand = {
  usage: 'head',
  summary: 'verifies the log and prints its head as <position>:<hash>; keep it elsewhere and pass it to verify --expect-head later',
  options: {},
  maxPositionals: 0,
  async run(_args, io) {
    // A head is only worth keeping if the log it stands for is sound.
    const result = await withStore(io, (store) => verifyLog(store))
    if (!result.ok) {
      await reportFailure(io, result)
      return exitCodes.failed
    }
    if (result.head === null) {
      await writeLine(io.stderr, 'the log is empty: it has no head yet')
      return exitCodes.ok
    }
    await writeLine(io.stdout, formatHead(result.head))
    return exitCodes.ok
  },
}
