import { createHash } from 'node:crypto'
import { open, readFile, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * A checkpoint file: frames of `[length: u32 big-endian][bytes]`. The first frame is the header
 * (JSON), the last the SHA-256 of every byte before it (JSON); the parts in between are opaque
 * here. A file without its last frame, or whose digest does not match, is refused whole: a
 * process killed while writing, a full disk or a flipped bit never yields a partial state.
 *
 * Written to a temporary file beside the target, synced, then renamed over it, so a reader sees
 * the previous complete file or the new complete file, never one being written.
 */
export interface CheckpointHeader {
  readonly format: string
  readonly fingerprint: string
  /** Decimal: the log position the state reflects. */
  readonly position: string
  /** The canonical hash of the event at that position, as it was read when the state was saved. */
  readonly eventHash: string
}

export type CheckpointRead =
  | { readonly kind: 'absent' }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'read'; readonly header: CheckpointHeader; readonly parts: readonly Buffer[]; readonly bytes: number }

const frameBytes = 4
/** Frames are gathered into writes of about this size: fewer system calls, bounded memory. */
const writeBytes = 1 << 20

let temporaries = 0

function frame(bytes: Uint8Array): Buffer {
  const length = Buffer.alloc(frameBytes)
  length.writeUInt32BE(bytes.length)
  return Buffer.concat([length, bytes])
}

/** Writes the file at `path` from the header and the parts, which may be produced over many turns. */
export async function writeCheckpointFile(path: string, header: CheckpointHeader, parts: AsyncIterable<Uint8Array>): Promise<number> {
  const temporary = `${path}.${process.pid}.${++temporaries}.tmp`
  const digest = createHash('sha256')
  const handle = await open(temporary, 'w')
  let bytes = 0
  try {
    let pending: Buffer[] = []
    let pendingBytes = 0
    const add = async (framed: Buffer): Promise<void> => {
      digest.update(framed)
      pending.push(framed)
      pendingBytes += framed.length
      if (pendingBytes >= writeBytes) await flush()
    }
    const flush = async (): Promise<void> => {
      const chunk = Buffer.concat(pending)
      pending = []
      pendingBytes = 0
      await handle.write(chunk)
      bytes += chunk.length
    }
    await add(frame(Buffer.from(JSON.stringify(header))))
    for await (const part of parts) await add(frame(part))
    const trailer = frame(Buffer.from(JSON.stringify({ digest: digest.digest('hex') })))
    pending.push(trailer)
    await flush()
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temporary, { force: true })
    throw error
  }
  await handle.close()
  await rename(temporary, path)
  // The rename itself is durable only once the directory is synced.
  const directory = await open(dirname(path), 'r')
  try {
    await directory.sync()
  } finally {
    await directory.close()
  }
  return bytes
}

/** Reads and checks the whole file: its frames, its digest, its header. */
export async function readCheckpointFile(path: string): Promise<CheckpointRead> {
  let file: Buffer
  try {
    file = await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' }
    return { kind: 'unreadable', reason: `it cannot be read (${(error as Error).message})` }
  }
  const frames: Buffer[] = []
  // Where the last frame (the trailer) starts: the digest covers every byte before it.
  let last = 0
  let at = 0
  while (at < file.length) {
    if (at + frameBytes > file.length) return { kind: 'unreadable', reason: `it is cut short at byte ${at}` }
    const length = file.readUInt32BE(at)
    if (at + frameBytes + length > file.length) return { kind: 'unreadable', reason: `it is cut short at byte ${at}` }
    last = at
    frames.push(file.subarray(at + frameBytes, at + frameBytes + length))
    at += frameBytes + length
  }
  if (frames.length < 2) return { kind: 'unreadable', reason: 'it holds no complete checkpoint' }
  const trailer = parseJson(frames.at(-1)!) as { digest?: unknown } | undefined
  const digest = await digestOf(file.subarray(0, last))
  if (trailer?.digest !== digest) return { kind: 'unreadable', reason: 'its digest does not match its content (damaged or incomplete)' }
  const header = parseJson(frames[0]!) as CheckpointHeader | undefined
  if (header === undefined) return { kind: 'unreadable', reason: 'its header is not JSON' }
  return { kind: 'read', header, parts: frames.slice(1, -1), bytes: file.length }
}

/** Bytes hashed between two turns: hashing a national checkpoint at once would hold the event loop for a second. */
const hashedPerTurn = 8 << 20

async function digestOf(bytes: Buffer): Promise<string> {
  const hash = createHash('sha256')
  for (let at = 0; at < bytes.length; at += hashedPerTurn) {
    hash.update(bytes.subarray(at, at + hashedPerTurn))
    await nextTurn()
  }
  return hash.digest('hex')
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    return undefined
  }
}
