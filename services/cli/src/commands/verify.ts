import { formatHead, parseHead, verifyLog, type LogHead, type VerifyResult } from '@treguesi/audit'
import { exitCodes, stringOption, toJson, UsageError, withStore, writeLine, type CliCommand, type CliIo } from '../context.js'
import { checkCheckpoint, type CheckpointCheck } from './verify-checkpoint.js'

/** The result as one JSON line; the head also in the form `--expect-head` takes. */
export function resultJson(result: VerifyResult, checkpoint?: CheckpointCheck): string {
  return toJson({ ...result, head: result.head && { ...result.head, text: formatHead(result.head) }, ...(checkpoint && { checkpoint }) })
}

export async function reportFailure(io: CliIo, result: VerifyResult): Promise<void> {
  await writeLine(io.stderr, `verification failed at position ${result.firstBadPosition}: ${result.reason}`)
}

function parseExpectedHead(text: string): LogHead {
  const head = parseHead(text)
  if (head === undefined) throw new UsageError(`--expect-head must be <position>:<sha-256 in hex>, as \`head\` prints it, not "${text}"`)
  return head
}

export const verifyCommand: CliCommand = {
  usage: 'verify [--expect-head <position>:<hash>]',
  summary:
    "checks every event of the log against its hash chain and the seals, and that the read models' newest checkpoint equals a full fold of the log; with --expect-head, also that the log still reaches a head printed earlier",
  options: { 'expect-head': { type: 'string' } },
  maxPositionals: 0,
  async run({ values }, io) {
    const expectedHead = stringOption(values, 'expect-head', parseExpectedHead, undefined)
    const result = await withStore(io, (store) => verifyLog(store, expectedHead ? { expectedHead } : {}))
    // A checkpoint is checked against a log that is sound; of a damaged log it says nothing.
    const checkpoint = result.ok ? await checkCheckpoint(io) : undefined
    await writeLine(io.stdout, resultJson(result, checkpoint))
    if (!result.ok) {
      await reportFailure(io, result)
      return exitCodes.failed
    }
    if (checkpoint?.status === 'differs') {
      const where = `${checkpoint.directory} (position ${checkpoint.position})`
      await writeLine(
        io.stderr,
        `the read-model checkpoint in ${where} differs from a full fold of the log: ${checkpoint.differing.join(', ')}`,
      )
      return exitCodes.failed
    }
    return exitCodes.ok
  },
}
