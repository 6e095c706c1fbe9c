import { formatHead, type LogHead } from '@treguesi/audit'
import { localized, localizedText } from '../format.js'
import { html, type Html } from '../html.js'
import { nameOf } from '../messages.js'
import type { PageContent, PageContext } from '../page.js'
import { indicatorsOf, objectivesOf, type PlanData } from '../plan-query.js'
import { breakdownCharts, budgetSection, indicatorTable, measureLine, measureStatusList, rollUpLine, shareGauges } from '../views.js'
import { planHeading } from '../pages/plan-page.js'

/** Where a report's figures come from: the log up to `head`, recorded up to `recordedAt`. */
export interface ReportSource {
  readonly head: LogHead | null
  /** The position the figures reflect; null for an empty log. */
  readonly position: bigint | null
  readonly recordedAt: string | null
}

function summary(context: PageContext, plan: PlanData): Html {
  const { texts, formats } = context
  const { rollUp } = plan
  const sentence =
    rollUp.attainment.value === null
      ? texts.reportNoSummary(rollUp.indicators)
      : texts.reportSummaryText(
          rollUp.counted,
          rollUp.indicators,
          formats.fraction(rollUp.attainment.value),
          nameOf(texts, 'rating', rollUp.rating),
        )
  return html`<p>${sentence}</p>${rollUpLine(context, rollUp)}${measureStatusList(context, rollUp)}`
}

/**
 * The yearly monitoring report, shaped like the report a municipality puts to its council: a
 * summary, then per area its indicators (target, achieved, attainment) and its measures with their
 * status and the reason given, the budget's execution and shares against their targets, the
 * breakdowns, and last the log position and head it was made from, so `verify --expect-head` can
 * prove later that the figures were not altered.
 */
export function reportDocument(context: PageContext, plan: PlanData, period: string, source: ReportSource): PageContent {
  const { texts, language, formats } = context
  const indicators = indicatorsOf(plan)
  const gauges = shareGauges(context, indicators)
  const breakdowns = indicators.map((indicator) => breakdownCharts(context, indicator)).filter((chart) => chart !== null)
  const title = `${texts.reportTitle(period)} · ${localizedText(plan.title, language)}`
  const body = html`<p class="muted">${texts.reportTitle(period)}</p>
${planHeading(context, plan)}
<h2>${texts.reportSummary}</h2>
${summary(context, plan)}
${gauges !== null && html`<h3>${texts.budgetShares}</h3>${gauges}`}
${plan.areas.map(
  (area) => html`<section aria-labelledby="a-${area.id}">
<h2 id="a-${area.id}">${texts.area} ${area.code}: ${localized(area.title, language)}</h2>
${rollUpLine(context, area.rollUp)}
${objectivesOf(area.objectives).map(
  (objective) => html`<h3>${texts.objective} ${objective.code}: ${localized(objective.title, language)}</h3>
${indicatorTable(context, [...objective.indicators, ...objective.measures.flatMap((measure) => measure.indicators)], false)}
${objective.measures.length > 0 && html`<h4>${texts.reportMeasuresWithReasons}</h4><ul>${objective.measures.map((measure) => measureLine(context, measure))}</ul>`}`,
)}
</section>`,
)}
<h2>${texts.budget}</h2>
${budgetSection(context, plan)}
${breakdowns.length > 0 && html`<h2>${texts.breakdowns}</h2>${breakdowns}`}
<footer class="provenance">
<p class="muted">${
    source.head === null || source.position === null
      ? texts.reportNoHead
      : texts.reportProvenance(source.position.toString(), formatHead(source.head))
  }</p>
${source.recordedAt !== null && html`<p class="muted">${texts.reportMadeAt(formats.dateTime(source.recordedAt))}</p>`}
</footer>`
  return { title, body, navigation: false }
}
