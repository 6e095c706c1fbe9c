import { localized, localizedText } from '../format.js'
import { html, type Html } from '../html.js'
import { nameOf } from '../messages.js'
import type { PageContent, PageContext } from '../page.js'
import { indicatorsOf, type ObjectiveData, type PlanData } from '../plan-query.js'
import { breakdownCharts, budgetSection, indicatorTable, measureLine, measureStatusList, rollUpLine, shareGauges } from '../views.js'

/** The periods a plan's page offers: its years; a half-year or quarter can still be asked in the address. */
export const planPeriods = (plan: PlanData): string[] =>
  Array.from({ length: plan.period.to - plan.period.from + 1 }, (_, index) => String(plan.period.from + index))

/** The plan's heading: its title, municipality, kind, years, status and council decision. */
export function planHeading(context: PageContext, plan: PlanData): Html {
  const { texts, language, formats } = context
  return html`<h1>${localized(plan.title, language)}</h1>
<p class="muted">${plan.municipality === null ? plan.municipalityCode : localized(plan.municipality.name, language)} · ${nameOf(texts, 'planKind', plan.kind)} · ${plan.period.from}–${plan.period.to} · ${nameOf(texts, 'planStatus', plan.status)}${
    plan.councilDecision !== null && html` · ${texts.council(plan.councilDecision.number, formats.date(plan.councilDecision.date))}`
  }</p>
${plan.status === 'draft' && html`<p class="notice">${texts.draftNotice}</p>`}`
}

function objectiveSection(context: PageContext, objective: ObjectiveData, level: number): Html {
  const { texts, language } = context
  const heading = level === 0 ? 'h4' : 'h5'
  const indicators = [...objective.indicators, ...objective.measures.flatMap((measure) => measure.indicators)]
  return html`<section class="objective" aria-labelledby="o-${objective.id}">
<${heading} id="o-${objective.id}">${texts.objective} ${objective.code}: ${localized(objective.title, language)}</${heading}>
${rollUpLine(context, objective.rollUp)}
${indicatorTable(context, indicators, true)}
${objective.measures.length > 0 && html`<details><summary>${texts.measures} (${objective.measures.length})</summary><ul>${objective.measures.map((measure) => measureLine(context, measure))}</ul></details>`}
${(objective.children ?? []).map((child) => objectiveSection(context, child, level + 1))}
</section>`
}

function periodForm(context: PageContext, plan: PlanData, period: string | null, action: string): Html {
  const { texts } = context
  return html`<form class="inline" method="get" action="${action}">
<div><label for="period">${texts.period}</label>
<select id="period" name="period"><option value="">${texts.periodLatest}</option>${planPeriods(plan).map(
    (year) => html`<option value="${year}"${year === period && html` selected`}>${year}</option>`,
  )}</select></div>
<button class="primary" type="submit">${texts.show}</button>
</form>`
}

export function planPage(context: PageContext, plan: PlanData, period: string | null): PageContent {
  const { texts, language } = context
  const indicators = indicatorsOf(plan)
  const planPath = `/plans/${encodeURIComponent(plan.id)}`
  const reportQuery = `?period=${encodeURIComponent(period ?? String(plan.period.to))}&lang=${language}`
  const breakdowns = indicators.map((indicator) => breakdownCharts(context, indicator)).filter((chart) => chart !== null)
  const body = html`${planHeading(context, plan)}
${periodForm(context, plan, period, planPath)}
<p class="no-print"><a href="${planPath}/report.html${reportQuery}">${texts.reportHtml}</a> · <a href="${planPath}/report.pdf${reportQuery}">${texts.reportPdf}</a> · <a href="${planPath}/changes">${texts.changes}</a> · <a href="/exports/figures.csv?plan=${encodeURIComponent(plan.id)}">${texts.figuresCsv}</a></p>
<h2>${texts.progress}</h2>
${rollUpLine(context, plan.rollUp)}
${measureStatusList(context, plan.rollUp)}
${shareGauges(context, indicators) && html`<h2>${texts.budgetShares}</h2>${shareGauges(context, indicators)}`}
<h2>${texts.areas}</h2>
${plan.areas.map(
  (area) => html`<section class="area" aria-labelledby="a-${area.id}">
<h3 id="a-${area.id}">${texts.area} ${area.code}: ${localized(area.title, language)}</h3>
${rollUpLine(context, area.rollUp)}
${measureStatusList(context, area.rollUp)}
${area.objectives.map((objective) => objectiveSection(context, objective, 0))}
</section>`,
)}
${breakdowns.length > 0 && html`<h2>${texts.breakdowns}</h2>${breakdowns}`}
<h2>${texts.budget}</h2>
${budgetSection(context, plan)}`
  return { title: localizedText(plan.title, language), body }
}
