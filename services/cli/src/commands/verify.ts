import { formatHead, parseHead, verifyLog, type VerifyResult } from '@treguesi/audit'
import { exitCodes, toJson, UsageError, withStore, writeLine, type CliCommand, type CliIo } from '../context.js'

/** The result as one JSON line; the head also in the form `--expect-head` takes. */
export function resultJson(result: VerifyResult): string {
  return toJson({ ...result, head: result.head && { ...result.head, text: formatHead(result.head) } })
}

export async function reportFailure(io: CliIo, result: VerifyResult): Promise<void> {
  await writeLine(io.stderr, `verification failed at position ${result.firstBadPosition}: ${result.reason}`)
}

export const verifyCommand: CliCommand = {
  usage: 'verify [--expect-head <position>:<hash>]',
  summary:
    'checks every event of the log against its hash chain and the seals; with --expect-head, also that the log still reaches a head printed earlier',
  options: { 'expect-head': { type: 'string' } },
  maxPositionals: 0,
  async run({ values }, io) {
    const text = values['expect-head']
    const expectedHead = typeof text === 'string' ? parseHead(text) : undefined
    if (typeof text === 'string' && expectedHead === undefined) {
      throw new UsageError(`--expect-head must be <position>:<sha-256 in hex>, as \`head\` prints it, not "${text}"`)
    }
    const result = await withStore(io, (store) => verifyLog(store, expectedHead ? { expectedHead } : {}))
    await writeLine(io.stdout, resultJson(result))
    if (result.ok) return exitCodes.ok
    await reportFailure(io, result)
    return exitCodes.failed
  },
}
