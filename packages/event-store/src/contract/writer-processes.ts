import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/** One append a writer process reported as acknowledged. */
export interface Ack {
  readonly stream: string
  readonly revision: bigint
  readonly position: bigint
  readonly id: string
}

export interface RunningWriter {
  readonly acks: Ack[]
  /** Resolves when the first ack arrives (or the process ends without one). */
  readonly firstAck: Promise<void>
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  kill(signal: NodeJS.Signals): void
}

// The writer runs from the same kind of file as this module: TypeScript under the test loader,
// JavaScript once built.
const writerPath = fileURLToPath(import.meta.url.replace(/writer-processes(\.[cm]?[jt]s)$/, 'writer-process$1'))

export function startWriter(env: Record<string, string>, streams: readonly string[], count: number): RunningWriter {
  const child = spawn(process.execPath, [...process.execArgv, writerPath], {
    env: { ...process.env, ...env, WRITER_STREAMS: streams.join(','), WRITER_COUNT: String(count) },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const acks: Ack[] = []
  const lines = createInterface({ input: child.stdout! })
  lines.on('line', (line) => {
    // The writer prints nothing but `ack <stream> <revision> <position> <eventId>` lines.
    const [, stream, revision, position, id] = line.split(' ')
    acks.push({ stream: stream!, revision: BigInt(revision!), position: BigInt(position!), id: id! })
  })
  const firstAck = new Promise<void>((resolve) => {
    lines.once('line', () => resolve())
    child.once('exit', () => resolve())
  })
  // 'close', not 'exit': only once stdout is drained has every printed ack been counted.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  )
  return { acks, firstAck, exited, kill: (signal) => child.kill(signal) }
}
