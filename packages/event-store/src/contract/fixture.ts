import type { EventStore } from '../port.js'

/** One backing storage (a file, a memory database, a server) that store instances open. */
export interface StorageUnderTest {
  /** Opens a store on this storage; several may be open at once where `separateConnections`. */
  open(): Promise<EventStore>
  /** Releases the storage (deletes files, stops servers). */
  dispose(): Promise<void>
  /**
   * Environment for a child process to open this same storage (see writer-process.ts); absent
   * when no other process can reach it.
   */
  readonly processEnvironment?: Readonly<Record<string, string>>
}

/** What an adapter under test provides to the contract suite. */
export interface ContractFixture {
  readonly name: string
  /**
   * A new storage whose record clock is `clock` where `injectedClock`; it may hold older events
   * (a long-lived server), which a store opened on it must hide (see logAfter).
   */
  createStorage(clock: () => Date): Promise<StorageUnderTest>
  /**
   * Whether `open()` may be called again while a store is open, each giving an independent
   * connection (false for a private in-memory database, which only one connection can see).
   */
  readonly separateConnections: boolean
  /** Whether a closed store can be reopened on the same storage with everything kept. */
  readonly reopenable: boolean
  /** Whether other processes can open the storage (its `processEnvironment` is then set). */
  readonly multiProcess: boolean
  /** Whether record times come from the clock given to createStorage (else the server's own). */
  readonly injectedClock: boolean
  /** Whether an event id, once recorded in one stream, is refused in any other stream too. */
  readonly globallyUniqueEventIds: boolean
  /** Crash cycles to run (SIGKILL of a writing child process); 0 skips the crash test. */
  readonly crashCycles: number
}

/**
 * The fixture of a store in one process's memory: one store per storage, opened on first use (a
 * private memory database has no second connection), that keeps event ids unique log-wide.
 */
export function inMemoryFixture(name: string, open: (clock: () => Date) => EventStore): ContractFixture {
  return {
    name,
    separateConnections: false,
    reopenable: false,
    multiProcess: false,
    injectedClock: true,
    globallyUniqueEventIds: true,
    crashCycles: 0,
    async createStorage(clock) {
      let store: EventStore | undefined
      return {
        open: async () => (store ??= open(clock)),
        dispose: async () => store?.close(),
      }
    },
  }
}
