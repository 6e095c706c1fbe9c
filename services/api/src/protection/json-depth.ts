import { Transform, type TransformCallback } from 'node:stream'
import { TreguesiError } from '@treguesi/errors'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** Deeper than any GraphQL request needs: the deepest input a mutation takes is five levels. */
export const maxJsonDepth = 64

const [openBrace, closeBrace, openBracket, closeBracket, quote, backslash] = ['{', '}', '[', ']', '"', '\\'].map((char) =>
  char.charCodeAt(0),
)

/**
 * Passes a JSON body through while counting how deeply it nests, and stops it past `maxDepth`:
 * every later step (parsing, checking each string, coercing variables) walks the value
 * recursively, and a body of a million brackets would hold the process for a second or
 * overflow its stack. Counting as the bytes stream in costs one pass and no copy.
 */
class JsonDepthLimit extends Transform {
  #depth = 0
  #inString = false
  #escaped = false
  readonly #maxDepth: number

  constructor(maxDepth: number) {
    super()
    this.#maxDepth = maxDepth
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (const byte of chunk) {
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false
        else if (byte === backslash) this.#escaped = true
        else if (byte === quote) this.#inString = false
      } else if (byte === quote) this.#inString = true
      else if (byte === openBrace || byte === openBracket) {
        if (++this.#depth > this.#maxDepth) {
          const refusal = new TreguesiError('TRG_BAD_REQUEST', { problem: `the JSON body nests deeper than ${this.#maxDepth} levels` })
          done(Object.assign(refusal, { statusCode: 400 }))
          return
        }
      } else if (byte === closeBrace || byte === closeBracket) this.#depth--
    }
    done(null, chunk)
  }
}

const ignore = (): void => {}

/** Every JSON body, whatever route it is for, is counted as it arrives. */
export const jsonDepthLimit = fp(
  async (app: FastifyInstance, { maxDepth = maxJsonDepth }: { maxDepth?: number }) => {
    app.addHook('preParsing', async (request, _reply, payload) => {
      const type = request.headers['content-type']?.toLowerCase() ?? ''
      if (!type.includes('json')) return payload
      const limited = payload.pipe(new JsonDepthLimit(maxDepth))
      // A failed read of the original (the client went away) fails the body too.
      payload.on('error', (error) => limited.destroy(error))
      // Fastify reads the body from this stream and hears its refusal; when it has stopped reading
      // (the request was already answered), the refusal has nobody else to reach.
      limited.on('error', ignore)
      return limited
    })
  },
  { name: 'treguesi-json-depth' },
)
