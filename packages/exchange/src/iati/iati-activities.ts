import { TreguesiError } from '@treguesi/errors'
import { byText } from '@treguesi/projections'
import { activityElement, activityStatusOf, withdrawnStatus, type ActivityStatusCode } from './iati-activity.js'
import type { IatiPlanRef, IatiSource } from './iati-source.js'
import { renderXml } from './xml.js'

export interface IatiOptions {
  /**
   * When the file is made: its `generated-datetime`, and the latest date an expenditure is dated
   * (see the transactions). Given, never read from a clock, so the same data and the same time
   * give the same bytes.
   */
  readonly generatedAt: Date
}

/** A plan to publish, with the identifier its municipality publishes under. */
interface Published {
  readonly ref: IatiPlanRef & { readonly status: 'approved' | 'closed' }
  readonly organisation: string
}

/**
 * An organisation identifier an activity identifier can start with: IATI identifiers hold no
 * white space and none of / & | ? (rule 1.3.13).
 */
const usable = (identifier: string | null): identifier is string => identifier !== null && /^[^\s/&|?]+$/.test(identifier)

const isPublished = (ref: IatiPlanRef): ref is Published['ref'] => ref.status !== 'draft'

/** The order activities are written in: by municipality, then plan id. */
const byPlace = (a: { readonly ref: IatiPlanRef }, b: { readonly ref: IatiPlanRef }): number =>
  byText(a.ref.municipality, b.ref.municipality) || byText(a.ref.planId, b.ref.planId)

/**
 * The plans of a source that are published (approved or closed: a draft never is), by
 * municipality then id. With `refuse`, a plan whose municipality has no usable IATI organisation
 * identifier refuses the whole export (TRG_INVALID_STATE naming every such municipality), before
 * anything is written; without it, such plans are left out.
 */
function publishedPlans(source: IatiSource, refuse: boolean): Published[] {
  const plans = [...source.plans()]
    .filter(isPublished)
    .map((ref) => ({ ref, organisation: source.organisationIdentifierOf(ref.municipality) }))
    .sort(byPlace)
  const missing = [...new Set(plans.filter((plan) => !usable(plan.organisation)).map((plan) => plan.ref.municipality))]
  if (refuse && missing.length > 0) {
    throw new TreguesiError('TRG_INVALID_STATE', {
      entity: 'municipality',
      id: missing.join(', '),
      state: 'without a usable IATI organisation identifier (none is recorded, or it holds white space, /, &, | or ?)',
      action: 'published as IATI activities until one is recorded',
    })
  }
  return plans.filter((plan): plan is Published => usable(plan.organisation))
}

/** One activity's XML, indented as a child of the document's root. */
function activityXml(source: IatiSource, { ref, organisation }: Published, options: IatiOptions, status?: ActivityStatusCode): string {
  const plan = source.plan(ref.planId)!
  const today = options.generatedAt.toISOString().slice(0, 10)
  return renderXml(activityElement(ref, plan, organisation, status ?? activityStatusOf(ref.status), today), 1)
}

function* document(activities: Iterable<string>, { generatedAt }: IatiOptions): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${generatedAt.toISOString()}">\n`
  yield* activities
  yield '</iati-activities>\n'
}

/**
 * An IATI 2.03 activities file (UTF-8) of the source's published plans: one activity per plan,
 * by municipality then plan id, written one activity at a time. Null when there is no plan to
 * publish, since an IATI file holds at least one activity. Refused as a whole, before anything
 * is written, when a municipality of a published plan has no usable organisation identifier
 * (TRG_INVALID_STATE).
 */
export function iatiActivities(source: IatiSource, options: IatiOptions): Generator<string> | null {
  const plans = publishedPlans(source, true)
  if (plans.length === 0) return null
  return document(
    (function* () {
      for (const plan of plans) yield activityXml(source, plan, options)
    })(),
    options,
  )
}

/**
 * The activities that changed between the source as it stood at `since` (`before`) and now
 * (`after`), as an IATI file: new activities, and those whose XML differs, by municipality then
 * plan id. Null when none changed. Refused as `iatiActivities` refuses `after`; a plan of
 * `before` whose municipality had no identifier then was never published, so it is new now.
 *
 * IATI has no deletion: a publisher's file replaces its previous one, and an activity that
 * disappears from an incremental file is simply not updated. A plan never leaves approval in this
 * domain (a reopened plan stays approved; closing is a status of its own), so an activity
 * published before and gone now left the caller's view: it is published once more as it last
 * stood, with activity-status 5 (Cancelled), the one ActivityStatus code saying that the
 * activity no longer stands; 3 (Finalisation) and 4 (Closed) would say it ran its course, and 6
 * (Suspended) that it will resume. Its identifier stays reserved, as IATI requires.
 *
 * The changed activities are found before anything is written, and only they are kept.
 */
export function changedIatiActivities(before: IatiSource, after: IatiSource, options: IatiOptions): Generator<string> | null {
  const now = publishedPlans(after, true)
  const earlier = new Map(publishedPlans(before, false).map((plan) => [plan.ref.planId, plan]))
  const changed: { readonly ref: IatiPlanRef; readonly xml: string }[] = []
  for (const plan of now) {
    const xml = activityXml(after, plan, options)
    const old = earlier.get(plan.ref.planId)
    earlier.delete(plan.ref.planId)
    if (old === undefined || activityXml(before, old, options) !== xml) changed.push({ ref: plan.ref, xml })
  }
  for (const old of earlier.values()) changed.push({ ref: old.ref, xml: activityXml(before, old, options, withdrawnStatus) })
  if (changed.length === 0) return null
  changed.sort(byPlace)
  return document(
    changed.map((activity) => activity.xml),
    options,
  )
}
