import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Test } from 'tap'

/**
 * A store `open` makes in a new temporary directory, named after `prefix`: closed, and the
 * directory removed, when `t` ends, so that each test writes a log of its own.
 */
export async function openInTempDir<Store extends { close(): Promise<void> }>(
  t: Test,
  prefix: string,
  open: (dir: string) => Store | Promise<Store>,
): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const store = await open(dir)
  t.teardown(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return store
}
