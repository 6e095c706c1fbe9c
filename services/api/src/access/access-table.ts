import type { PlanStatus } from '@treguesi/domain'
import { mayWriteFor } from './policy.js'
import type { Principal } from './principal.js'
import { canReadPlan, canSeeRecorder } from './read-policy.js'

/** The callers the table distinguishes; the plan in each row is Elbasan's. */
const callers: ReadonlyArray<readonly [label: string, principal: Principal]> = [
  ['anonymous', { id: null, role: 'anonymous', municipalities: [] }],
  ['viewer', { id: 'v', role: 'viewer', municipalities: [] }],
  ['ministry', { id: 'm', role: 'ministry', municipalities: [] }],
  ["editor of the plan's municipality", { id: 'e', role: 'editor', municipalities: ['ELB'] }],
  ['editor of another municipality', { id: 'o', role: 'editor', municipalities: ['DRE'] }],
  ['admin', { id: 'a', role: 'admin', municipalities: [] }],
]

const statuses: readonly PlanStatus[] = ['draft', 'approved', 'closed']

/** What a caller may do with a plan of a municipality in a status, one column each. */
export const operations: ReadonlyArray<readonly [label: string, allowed: (principal: Principal, status: PlanStatus) => boolean]> = [
  [
    'read the plan, its figures and aggregates (queries, asOf)',
    (principal, status) => canReadPlan(principal, { municipality: 'ELB', status }),
  ],
  ['its events in the change feed and subscriptions', (principal, status) => canReadPlan(principal, { municipality: 'ELB', status })],
  [
    'who recorded them (the actor id)',
    (principal, status) => canReadPlan(principal, { municipality: 'ELB', status }) && canSeeRecorder(principal, 'ELB'),
  ],
  ['its history (`history`)', (principal) => principal.role === 'admin'],
  // A closed plan takes no command from anyone (TRG_PLAN_CLOSED); that is the domain's rule, not a right.
  ['send its commands', (principal, status) => status !== 'closed' && mayWriteFor(principal, 'ELB')],
]

/** The policy as a Markdown table: role × plan status × operation, each cell computed from the rules above. */
export function accessTable(): string {
  const header = ['caller', 'plan', ...operations.map(([label]) => label)]
  const rows = callers.flatMap(([label, principal]) =>
    statuses.map((status) => [label, status, ...operations.map(([, allowed]) => (allowed(principal, status) ? 'yes' : 'no'))]),
  )
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}
