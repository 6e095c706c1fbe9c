import { createHash } from 'node:crypto'
import { open, rename, rm, type FileHandle } from 'node:fs/promises'
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

/**
 * Reads and checks the whole file: its frames, its digest, its header. Each frame is read into a
 * buffer of its own, so what is decoded from one part keeps only that part's bytes alive.
 */
export async function readCheckpointFile(path: string): Promise<CheckpointRead> {
  let handle: FileHandle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' }
    return { kind: 'unreadable', reason: `it cannot be read (${(error as Error).message})` }
  }
  try {
    return await readFrames(handle)
  } catch (error) {
    return { kind: 'unreadable', reason: `it cannot be read (${(error as Error).message})` }
  } finally {
    await handle.close()
  }
}

/** A frame's bytes, with the length of the frame after it when there is one. */
interface Frame {
  readonly bytes: Buffer
  readonly nextLength: number | null
}

/**
 * The frame of `length` bytes after the length prefix at `at`, read together with the next
 * frame's prefix; null when the file ends before them.
 */
async function readFrame(handle: FileHandle, size: number, at: number, length: number): Promise<Frame | null> {
  const end = at + frameBytes + length
  const withNext = end === size ? 0 : frameBytes
  if (end + withNext > size) return null
  const bytes = Buffer.allocUnsafe(length + withNext)
  if ((await readAt(handle, bytes, at + frameBytes)) < bytes.length) return null
  return { bytes: bytes.subarray(0, length), nextLength: withNext === 0 ? null : bytes.readUInt32BE(length) }
}

async function readFrames(handle: FileHandle): Promise<CheckpointRead> {
  const { size } = await handle.stat()
  if (size === 0) return { kind: 'unreadable', reason: 'it holds no complete checkpoint' }
  const cut = (at: number) => ({ kind: 'unreadable', reason: `it is cut short at byte ${at}` }) as const
  const prefix = Buffer.alloc(frameBytes)
  if (size < frameBytes || (await readAt(handle, prefix, 0)) < frameBytes) return cut(0)
  const digest = createHash('sha256')
  const frames: Buffer[] = []
  let at = 0
  let length = prefix.readUInt32BE()
  let reading = readFrame(handle, size, at, length)
  for (;;) {
    const frame = await reading
    if (frame === null) return cut(at)
    // The digest covers every byte before the last frame, which holds it.
    if (frame.nextLength === null) {
      if (frames.length === 0) return { kind: 'unreadable', reason: 'it holds no complete checkpoint' }
      const stated = parseJson(frame.bytes) as { digest?: unknown } | undefined
      if (stated?.digest !== digest.digest('hex'))
        return { kind: 'unreadable', reason: 'its digest does not match its content (damaged or incomplete)' }
      break
    }
    // The next frame is read while this one is hashed.
    const next = at + frameBytes + length
    reading = readFrame(handle, size, next, frame.nextLength)
    prefix.writeUInt32BE(length)
    digest.update(prefix)
    digest.update(frame.bytes)
    frames.push(frame.bytes)
    at = next
    length = frame.nextLength
    // A part is a few thousand entries: hashing one takes milliseconds, then others are served.
    await nextTurn()
  }
  const header = parseJson(frames[0]!) as CheckpointHeader | undefined
  if (header === undefined) return { kind: 'unreadable', reason: 'its header is not JSON' }
  return { kind: 'read', header, parts: frames.slice(1), bytes: size }
}

/** Fills `into` from `position` on; fewer bytes than its length only at the end of the file. */
async function readAt(handle: FileHandle, into: Buffer, position: number): Promise<number> {
  let done = 0
  for (;;) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done)
    done += bytesRead
    if (bytesRead === 0 || done === into.length) return done
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    return undefined
  }
}
