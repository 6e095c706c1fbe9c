import { randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'
import { testLanguage } from './service.js'

/** What the server sent: a protocol message, or the close frame. */
export type Frame =
  | { readonly kind: 'message'; readonly message: { type: string; id?: string; payload?: unknown } }
  | { readonly kind: 'close'; readonly code: number }

/**
 * A websocket written frame by frame on a plain TCP connection, so that a test decides what
 * reaches the server in one piece: several messages written at once arrive together, as a
 * client sending them back to back over a fast network would have them arrive.
 */
export interface RawWebsocket {
  /** Writes these messages in a single write. */
  send(...messages: object[]): void
  /** The next frame from the server. */
  next(): Promise<Frame>
  destroy(): void
}

function frame(text: string): Buffer {
  const payload = Buffer.from(text)
  const mask = randomBytes(4)
  const length =
    payload.length < 126 ? Buffer.from([0x80 | payload.length]) : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 0xff])
  const masked = Buffer.from(payload.map((byte, index) => byte ^ mask[index % 4]!))
  return Buffer.concat([Buffer.from([0x81]), length, mask, masked])
}

/** `language`: what the upgrade request accepts, which the socket's refusals are worded in. */
export async function openRawWebsocket(url: string, protocol = 'graphql-transport-ws', language = testLanguage): Promise<RawWebsocket> {
  const { port } = new URL(url)
  const socket: Socket = connect(Number(port), '127.0.0.1')
  let buffered = Buffer.alloc(0)
  let upgraded = false
  const frames: Frame[] = []
  const waiting: Array<(frame: Frame) => void> = []
  const deliver = (received: Frame) => (waiting.length > 0 ? waiting.shift()!(received) : frames.push(received))
  let opened!: () => void
  const open = new Promise<void>((resolve) => (opened = resolve))

  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk])
    if (!upgraded) {
      const end = buffered.indexOf('\r\n\r\n')
      if (end === -1) return
      if (!buffered.subarray(0, end).toString().startsWith('HTTP/1.1 101')) throw new Error(`not upgraded: ${buffered.toString()}`)
      upgraded = true
      buffered = buffered.subarray(end + 4)
      opened()
    }
    for (;;) {
      if (buffered.length < 2) return
      let length = buffered[1]! & 0x7f
      let offset = 2
      if (length === 126) {
        if (buffered.length < 4) return
        length = buffered.readUInt16BE(2)
        offset = 4
      }
      if (buffered.length < offset + length) return
      const opcode = buffered[0]! & 0x0f
      const payload = buffered.subarray(offset, offset + length)
      buffered = buffered.subarray(offset + length)
      if (opcode === 0x1) deliver({ kind: 'message', message: JSON.parse(payload.toString()) })
      if (opcode === 0x8) deliver({ kind: 'close', code: payload.readUInt16BE(0) })
    }
  })
  await new Promise<void>((resolve) => socket.once('connect', resolve))
  socket.write(
    `GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ${protocol}\r\n` +
      `Accept-Language: ${language}\r\n\r\n`,
  )
  await open
  return {
    send: (...messages) => socket.write(Buffer.concat(messages.map((message) => frame(JSON.stringify(message))))),
    next: () => (frames.length > 0 ? Promise.resolve(frames.shift()!) : new Promise((resolve) => waiting.push(resolve))),
    destroy: () => socket.destroy(),
  }
}
