/**
 * An operator's record of a rebuild forced at position 12, after 12 events: the hashes of the
 * three read models as the service held them, the same after but for `rebuilt`'s, and
 * `verification`, what verifying the log found then.
 */
export function forcedRebuild(rebuilt: 'plans' | 'budgets' | 'national', verification: object) {
  const before = ['plans', 'budgets', 'national'].map((name, index) => ({ name, hash: String(index + 1).repeat(64) }))
  return {
    type: 'RecordForcedRebuild',
    reason: { sq: 'Kopja rezervë u rikthye; shifrat e sakta janë ato të ndërtuara rishtas' },
    position: '12',
    before,
    after: before.map((entry) => (entry.name === rebuilt ? { ...entry, hash: 'e'.repeat(64) } : entry)),
    events: 12,
    verification,
  }
}
