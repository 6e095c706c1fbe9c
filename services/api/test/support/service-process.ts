import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { Test } from 'tap'
import { openDomainStore, type DomainStore } from '@treguesi/commands'
import type { Auth } from './fuzz-requests.js'
import { postGraphQL, type ServiceOptions, type TestService } from './service.js'

export interface ServiceProcess {
  readonly url: string
  /** Its log, opened here too (SQLite allows readers beside the writer): what was written, read directly. */
  readonly store: DomainStore
  /** The Authorization header of each caller of the fuzzer, signed by the service. */
  readonly authorizations: Record<Exclude<Auth, 'anonymous'>, string>
  readonly graphql: TestService['graphql']
}

/**
 * The test service in a child process, so that its event loop is its own: what a client sees of
 * it (the time /healthz takes) is the service's doing, not the test's. Started with the test's
 * own Node options (its TypeScript loader and export conditions); stopped when the test ends.
 * `protection` and the other options are as for `startService`, except `beforeListen`.
 */
export async function startServiceProcess(t: Test, options: Omit<ServiceOptions, 'beforeListen'> = {}): Promise<ServiceProcess> {
  const entry = fileURLToPath(new URL('service-process-entry.ts', import.meta.url))
  const child = spawn(process.execPath, [...process.execArgv, entry, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] })
  const exited = once(child, 'exit')
  const [line] = await Promise.race([
    once(createInterface({ input: child.stdout }), 'line') as Promise<[string]>,
    exited.then(([code]) => Promise.reject(new Error(`the service process ended before it listened (exit code ${String(code)})`))),
  ])
  const { url, path, authorizations } = JSON.parse(line) as { url: string; path: string; authorizations: ServiceProcess['authorizations'] }
  const store = await openDomainStore({ store: 'sqlite', path, sync: 'normal' })
  t.teardown(async () => {
    await store.close()
    child.kill('SIGTERM')
    await exited
  })
  return { url, store, authorizations, graphql: (query, variables, token) => postGraphQL(url, query, variables, token) }
}
