import { createReadStream } from 'node:fs'
import { access } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { importLog } from '@treguesi/audit'
import { exitCodes, toJson, UsageError, withStore, writeLine, type CliCommand } from '../context.js'

export const importCommand: CliCommand = {
  usage: 'import [<file> | -]',
  summary:
    'imports an export (a file, or stdin) into an EMPTY store: same streams, revisions, order and hash chain; SQLite also keeps the record times',
  options: {},
  maxPositionals: 1,
  async run({ positionals }, io) {
    const [file = '-'] = positionals
    if (file !== '-') {
      await access(file).catch((error: Error) => {
        throw new UsageError(`cannot read ${file}: ${error.message}`)
      })
    }
    const lines = readLines(() => (file === '-' ? io.stdin : createReadStream(file)))
    // Set before every append: SQLite records each imported batch at its original time.
    let recordTime = new Date()
    const result = await withStore(io, (store) => importLog(store, lines, { onRecordTime: (at) => (recordTime = at) }), {
      clock: () => recordTime,
    })
    await writeLine(io.stdout, toJson({ imported: result.events, head: result.head }))
    return exitCodes.ok
  },
}

/**
 * The input's lines, read only once the import asks for the first one: lines a reader emits
 * before anyone listens are lost, and the import first checks that the store is empty.
 */
async function* readLines(open: () => Readable): AsyncGenerator<string> {
  for await (const line of createInterface({ input: open(), crlfDelay: Infinity })) yield line
}
