import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A checkpoint holds state that code made: the projections' reducers, the domain's evolve
 * functions and upcasters they run, and this package's encoding of it. Any change to that code
 * may change what the same log folds into, so a checkpoint is used only by the very code that
 * wrote it: the fingerprint is the hash of every source file of those packages (as they run:
 * compiled, or from source under tests). Test and declaration files do not count.
 */
const folded = ['@treguesi/projections', '@treguesi/domain'] as const

const counted = (name: string): boolean => /\.(js|ts|mjs)$/.test(name) && !/\.(spec|test)\.ts$/.test(name) && !name.endsWith('.d.ts')

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && counted(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

let computed: Promise<string> | undefined

export function codeFingerprint(): Promise<string> {
  computed ??= (async () => {
    const roots = [
      ...folded.map((name) => dirname(fileURLToPath(import.meta.resolve(name)))),
      dirname(dirname(fileURLToPath(import.meta.url))),
    ]
    const hash = createHash('sha256')
    for (const root of roots) {
      for (const file of await filesUnder(root)) {
        hash.update(`${relative(root, file)}\0`)
        hash.update(await readFile(file))
        hash.update('\0')
      }
    }
    return hash.digest('hex')
  })()
  return computed
}
