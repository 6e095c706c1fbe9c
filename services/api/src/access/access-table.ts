import { canTakeStep, isEditable, type PlanStatus, type Review } from '@treguesi/domain'
import { maySend } from './policy.js'
import type { Principal } from './principal.js'
import { canReadPlan, canSeeRecorder, canSeeSmallCounts, readsFiguresBeforeApproval } from './read-policy.js'

/** The callers the table distinguishes; the plan in each row is Elbasan's. */
const callers: ReadonlyArray<readonly [label: string, principal: Principal]> = [
  ['anonymous', { id: null, role: 'anonymous', municipalities: [] }],
  ['viewer', { id: 'v', role: 'viewer', municipalities: [] }],
  ['ministry', { id: 'm', role: 'ministry', municipalities: [] }],
  ["editor of the plan's municipality", { id: 'e', role: 'editor', municipalities: ['ELB'] }],
  ['editor of another municipality', { id: 'o', role: 'editor', municipalities: ['DRE'] }],
  ["reviewer of the plan's municipality", { id: 'r', role: 'reviewer', municipalities: ['ELB'] }],
  ['reviewer of another municipality', { id: 'q', role: 'reviewer', municipalities: ['DRE'] }],
  ['admin', { id: 'a', role: 'admin', municipalities: [] }],
]

/** How far a plan has come: its status, and where its content's review stands. */
interface Stage {
  readonly status: PlanStatus
  readonly review: Review
}

const stages: ReadonlyArray<readonly [label: string, stage: Stage]> = [
  ['draft', { status: 'draft', review: { status: 'open' } }],
  ['draft, submitted', { status: 'draft', review: { status: 'submitted' } }],
  ['approved', { status: 'approved', review: { status: 'approved' } }],
  ['approved, reopened', { status: 'approved', review: { status: 'reopened' } }],
  ['closed', { status: 'closed', review: { status: 'approved' } }],
]

// A closed plan takes no command from anyone (TRG_PLAN_CLOSED); that is the domain's rule, not a right.
const open = (stage: Stage) => stage.status !== 'closed'
const readable = (principal: Principal, { status }: Stage) => canReadPlan(principal, { municipality: 'ELB', status })

/** What a caller may do with a plan of a municipality at a stage, one column each. */
export const operations: ReadonlyArray<readonly [label: string, allowed: (principal: Principal, stage: Stage) => boolean]> = [
  ['read the plan, its figures and aggregates (queries, asOf)', readable],
  ['its events in the change feed and subscriptions', readable],
  ['who recorded them (the actor id)', (principal, stage) => readable(principal, stage) && canSeeRecorder(principal, 'ELB')],
  [
    'the small counts of its sensitive indicators (else withheld)',
    (principal, stage) => readable(principal, stage) && canSeeSmallCounts(principal, 'ELB'),
  ],
  [
    "a period's figures before its report is approved (else as last approved)",
    (principal, stage) => readable(principal, stage) && readsFiguresBeforeApproval(principal, 'ELB'),
  ],
  ['its history (`history`)', (principal) => principal.role === 'admin'],
  [
    'change its structure, baselines and targets',
    (principal, stage) => open(stage) && isEditable(stage.review) && maySend(principal, 'editors', 'ELB'),
  ],
  ['submit its content', (principal, stage) => open(stage) && canTakeStep(stage.review, 'submit') && maySend(principal, 'editors', 'ELB')],
  [
    'return or approve its content (not one they submitted)',
    (principal, stage) => open(stage) && canTakeStep(stage.review, 'approve') && maySend(principal, 'reviewers', 'ELB'),
  ],
  [
    'reopen its content',
    (principal, stage) => open(stage) && canTakeStep(stage.review, 'reopen') && maySend(principal, 'reviewers', 'ELB'),
  ],
  // A period's figures are locked by that period's report round, whatever the plan's content review.
  ["report a period's figures and submit its report", (principal, stage) => open(stage) && maySend(principal, 'editors', 'ELB')],
  ["return, approve or reopen a period's report", (principal, stage) => open(stage) && maySend(principal, 'reviewers', 'ELB')],
]

/** The policy as a Markdown table: caller × plan stage × operation, each cell computed from the rules above. */
export function accessTable(): string {
  const header = ['caller', 'plan', ...operations.map(([label]) => label)]
  const rows = callers.flatMap(([label, principal]) =>
    stages.map(([stageLabel, stage]) => [
      label,
      stageLabel,
      ...operations.map(([, allowed]) => (allowed(principal, stage) ? 'yes' : 'no')),
    ]),
  )
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}
