import type { Database } from 'better-sqlite3'

/**
 * The SQLite layout of the log, by `PRAGMA user_version`. Each step runs once, in order, inside
 * one transaction; a database from a newer Treguesi is refused rather than guessed at.
 *
 * - `position` is the global position: `AUTOINCREMENT` so a position is never reused, even after
 *   the newest rows were deleted, which a plain rowid would allow.
 * - `(stream, revision)` unique: two writers can never record the same revision.
 * - `event_id` unique: an id is recorded once in the whole log, so a retried append can never
 *   duplicate an event, whatever a cache or a caller does.
 *
 * Version 2 stores `event_id` as the UUID's 16 bytes (see event-id-bytes.ts): ids are random, so
 * every append dirties a random page of their index, and smaller entries mean fewer such pages.
 * The CHECK keeps the one form: an id written as text beside its bytes would escape the index.
 * The table is rebuilt with every row's position, and the AUTOINCREMENT counter carried over so
 * that the positions of removed newest rows stay used.
 */
export const migrations: readonly string[] = [
  `CREATE TABLE events (
     position    INTEGER PRIMARY KEY AUTOINCREMENT,
     stream      TEXT    NOT NULL,
     revision    INTEGER NOT NULL CHECK (revision >= 0),
     event_id    TEXT    NOT NULL,
     type        TEXT    NOT NULL,
     data        TEXT    NOT NULL,
     metadata    TEXT    NOT NULL,
     recorded_at TEXT    NOT NULL
   );
   CREATE UNIQUE INDEX events_stream_revision ON events (stream, revision);
   CREATE UNIQUE INDEX events_event_id ON events (event_id);`,
  `CREATE TABLE events_v2 (
     position    INTEGER PRIMARY KEY AUTOINCREMENT,
     stream      TEXT    NOT NULL,
     revision    INTEGER NOT NULL CHECK (revision >= 0),
     event_id    BLOB    NOT NULL CHECK (typeof(event_id) = 'blob' AND length(event_id) = 16),
     type        TEXT    NOT NULL,
     data        TEXT    NOT NULL,
     metadata    TEXT    NOT NULL,
     recorded_at TEXT    NOT NULL
   );
   INSERT INTO sqlite_sequence (name, seq) SELECT 'events_v2', seq FROM sqlite_sequence WHERE name = 'events';
   INSERT INTO events_v2 (position, stream, revision, event_id, type, data, metadata, recorded_at)
     SELECT position, stream, revision, unhex(event_id, '-'), type, data, metadata, recorded_at FROM events ORDER BY position;
   DROP TABLE events;
   ALTER TABLE events_v2 RENAME TO events;
   CREATE UNIQUE INDEX events_stream_revision ON events (stream, revision);
   CREATE UNIQUE INDEX events_event_id ON events (event_id);`,
]

export const schemaVersion = migrations.length

export function migrate(db: Database): void {
  // Read the version inside the write lock: two processes opening a new file at once must not
  // both run the first step.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number
    if (current > schemaVersion) {
      throw new Error(`the database file has schema version ${current}, newer than this Treguesi understands (${schemaVersion})`)
    }
    for (const step of migrations.slice(current)) db.exec(step)
    if (current !== schemaVersion) db.pragma(`user_version = ${schemaVersion}`)
  }).immediate()
}
