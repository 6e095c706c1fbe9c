import { createHash } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import t from 'tap'
import { eventIdFor } from '@treguesi/commands'
import {
  budgetLineCommandSchema,
  envelopeFor,
  indicatorCommandSchema,
  municipalityCommandSchema,
  nationalIndicatorCommandSchema,
  parseCommand,
  planCommandSchema,
} from '@treguesi/domain'
import { deciders, nationalCommands, nationalEvents, type AggregateName, type GeneratedEvent } from '../src/generator.js'

// The benchmark data must be what the write side would record. These checks say nothing about speed.

const schemas: Readonly<Record<AggregateName, Parameters<typeof parseCommand>[1]>> = {
  municipality: municipalityCommandSchema,
  plan: planCommandSchema,
  indicator: indicatorCommandSchema,
  'budget-line': budgetLineCommandSchema,
  'national-indicator': nationalIndicatorCommandSchema,
}

/** One digest of a whole log, so two logs of tens of thousands of events compare in one assertion. */
function digest(events: Iterable<GeneratedEvent>): { count: number; sha256: string } {
  const hash = createHash('sha256')
  let count = 0
  for (const event of events) {
    hash.update(JSON.stringify(event))
    hash.update('\n')
    count += 1
  }
  return { count, sha256: hash.digest('hex') }
}

t.test('the same seed gives the same events, another seed other events', async (t) => {
  const first = digest(nationalEvents('seed-a', 20_000))
  t.same(digest(nationalEvents('seed-a', 20_000)), first)
  t.not(digest(nationalEvents('seed-b', 20_000)).sha256, first.sha256)
})

t.test('a log has exactly the size asked for, and a smaller log is the start of a larger one', async (t) => {
  for (const size of [0, 1, 999, 10_000]) t.equal(digest(nationalEvents('seed-a', size)).count, size, `${size} events`)
  const larger = [...nationalEvents('seed-a', 25_000)]
  t.same(digest(nationalEvents('seed-a', 10_000)), digest(larger.slice(0, 10_000)))
})

t.test('every command is in its parsed form and every event is what its decider decides', async (t) => {
  // The first two municipalities: one Albanian, one Kosovar, each with all ten years.
  const expected: GeneratedEvent[] = []
  const states = new Map<string, { state: unknown; revision: number }>()
  const problems: string[] = []
  let commands = 0
  for (const { aggregate, stream, command, context, municipality } of nationalCommands('seed-a')) {
    if (municipality === 2) break
    commands += 1
    const parsed = parseCommand(command.type, schemas[aggregate], command)
    if (!isDeepStrictEqual(parsed, command)) {
      problems.push(`${command.type} changes when parsed: ${JSON.stringify(command)} → ${JSON.stringify(parsed)}`)
    }
    const decider = deciders[aggregate]
    const known = states.get(stream) ?? { state: decider.initialState, revision: -1 }
    let { state, revision } = known
    try {
      for (const [index, event] of decider.decide(parsed as never, state).entries()) {
        state = decider.evolve(state, event)
        revision += 1
        const metadata = envelopeFor(context) as unknown as GeneratedEvent['metadata']
        expected.push({
          stream,
          revision,
          id: eventIdFor(context.commandId, index),
          type: event.type,
          data: event.data as GeneratedEvent['data'],
          metadata,
        })
      }
    } catch (error) {
      problems.push(`${command.type} on ${stream} refused: ${(error as Error).message}`)
    }
    states.set(stream, { state, revision })
    if (problems.length > 10) break
  }
  t.same(problems, [], 'no command changes when parsed, none is refused')
  t.ok(expected.length > 100_000, `two municipalities' ten years are a realistic size (${commands} commands, ${expected.length} events)`)
  t.same(digest(nationalEvents('seed-a', expected.length)), digest(expected), 'the generator gives exactly these events')

  const countries = new Set(
    expected.filter((event) => event.type.startsWith('municipality.registered.')).map((event) => event.data.country),
  )
  t.same([...countries].sort(), ['AL', 'XK'])
  // A value report, of the last year's: an editor's.
  const sample = expected.findLast((event) => event.type === 'indicator.value-reported.v1')!
  t.match(sample.metadata, {
    actor: { id: String, role: 'editor', municipality: String },
    commandId: String,
    correlationId: String,
    causationId: String,
    occurredAt: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+01:00$/,
    envelopeVersion: 1,
  })
  t.equal(new Set(expected.map((event) => event.id)).size, expected.length, 'event ids are unique')

  const roleOf = (event: GeneratedEvent) => (event.metadata.actor as { role: string }).role
  const adoption = expected.filter((event) => event.type === 'plan.submitted.v1' || event.type === 'plan.approved.v1')
  t.ok(adoption.length >= 12, `${adoption.length / 2} plans adopted`)
  t.same(
    adoption.map((event) => [event.type, roleOf(event)]),
    adoption.map((_, i) => (i % 2 === 0 ? ['plan.submitted.v1', 'editor'] : ['plan.approved.v1', 'reviewer'])),
    'each plan is submitted by an editor, then approved by a reviewer',
  )
  const reports = expected.filter((event) => event.type === 'plan.report-submitted.v1' || event.type === 'plan.report-approved.v1')
  t.equal(reports.length, (adoption.length / 2) * 10 * 2, "each plan's report of each of its ten years, submitted and approved")
  t.same(
    reports.map((event) => [event.type, roleOf(event), event.data.period]),
    reports.map((_event, i) => [
      i % 2 === 0 ? 'plan.report-submitted.v1' : 'plan.report-approved.v1',
      i % 2 === 0 ? 'editor' : 'reviewer',
      reports[i - (i % 2)]!.data.period,
    ]),
    'each submitted by an editor, then approved by a reviewer',
  )
  t.equal(expected.at(-1)!.type, 'plan.report-approved.v1', 'the last year ends with its reports')
})
