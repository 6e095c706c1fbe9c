import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Test } from 'tap'
import { openDomainStore, type DomainStore } from '@treguesi/commands'
import type { EventStore, RecordedEvent, SubscriptionMessage } from '@treguesi/event-store'
import { loadSeeds, seeds } from '@treguesi/seeds'
import { LiveReadModels } from '@treguesi/read-models'
import { buildServer } from '../../src/server.js'
import { testSecret } from './service.js'
import { postGraphQL, principals, type GraphQLResponse } from './service.js'

export interface FileServiceOptions {
  /** Changes made to the file after the seeds are in and before the service starts. */
  readonly beforeStart?: (sql: Sql) => void
  /** How the live read models see each event: a fold that drifts from the log, as a projection bug would. */
  readonly liveSees?: (event: RecordedEvent) => RecordedEvent
}

/** Runs one statement on the SQLite file beside the service, as someone with the disk would. */
export type Sql = (statement: string, ...parameters: unknown[]) => unknown[]

/** The store as the live read models' subscription reads it, each event through `see`. */
function seenThrough(store: DomainStore, see: (event: RecordedEvent) => RecordedEvent): EventStore {
  return {
    ...store,
    subscribeToAll(options) {
      const inner = store.subscribeToAll(options)
      async function* messages(): AsyncGenerator<SubscriptionMessage> {
        for await (const message of inner) yield message.kind === 'event' ? { kind: 'event', event: see(message.event) } : message
      }
      return { stop: () => inner.stop(), [Symbol.asyncIterator]: messages }
    },
  }
}

/**
 * The service on a seeded SQLite file whose path the test knows, so it can alter the file as an
 * intruder (or a failing disk) would, before or while the service runs. Listening on a free port;
 * waits for the read models to catch up or to stop.
 */
export async function serviceOnFile(t: Test, { beforeStart, liveSees }: FileServiceOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-file-'))
  const path = join(dir, 'treguesi.db')
  const sql: Sql = (statement, ...parameters) => {
    const db = new BetterSqlite3(path)
    try {
      const prepared = db.prepare(statement)
      return prepared.reader ? prepared.all(...parameters) : [prepared.run(...parameters)]
    } finally {
      db.close()
    }
  }
  const store = await openDomainStore({ store: 'sqlite', path, sync: 'normal' })
  await loadSeeds(store, seeds)
  beforeStart?.(sql)
  const live = new LiveReadModels(liveSees ? seenThrough(store, liveSees) : store)
  const settled = new Promise<void>((resolve) => {
    live.untilCaughtUp().then(resolve, resolve)
    live.onFailure(() => resolve())
  })
  const app = await buildServer({
    store,
    live,
    config: { logLevel: 'silent', jwtSecret: testSecret, consistencyTimeoutMs: 2000 },
  })
  t.teardown(async () => {
    await app.close()
    await live.stop()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  await settled
  const admin = app.signToken(principals.admin, '1h')
  const graphql = <Data = Record<string, unknown>>(query: string, variables?: object): Promise<GraphQLResponse<Data>> =>
    postGraphQL<Data>(url, query, variables, admin)

  /** Rewrites part of an event's recorded data in the file, beside the running service; returns how to undo it. */
  const alter = (where: string, from: string, to: string) => {
    const [row] = sql(`SELECT position, stream, data FROM events WHERE ${where} ORDER BY position LIMIT 1`) as Array<{
      position: number
      stream: string
      data: string
    }>
    t.ok(row!.data.includes(from), `the event holds "${from}"`)
    sql('UPDATE events SET data = ? WHERE position = ?', row!.data.replace(from, to), row!.position)
    return { ...row!, restore: () => sql('UPDATE events SET data = ? WHERE position = ?', row!.data, row!.position) }
  }
  return { url, app, store, live, graphql, sql, alter }
}
