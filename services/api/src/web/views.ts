import { attainmentBar, barChart, gauge, moneyBars } from './charts.js'
import { localized, localizedText } from './format.js'
import { html, type Html } from './html.js'
import { nameOf } from './messages.js'
import type { PageContext } from './page.js'
import type { BreakdownData, CostingFigures, FigureData, IndicatorData, MeasureData, PlanData, RollUpData } from './plan-query.js'

/** The pieces the plan page and the report share: one way to show each figure. */

export function ratingBadge(context: PageContext, rating: string): Html {
  return html`<span class="rating rating-${rating}">${nameOf(context.texts, 'rating', rating)}</span>`
}

/** Why a figure is missing, in words. */
export function missingReason(context: PageContext, reason: string | null): string {
  return reason === null ? context.texts.noFigure : `${context.texts.noFigure}: ${nameOf(context.texts, 'reason', reason)}`
}

/** A value in its indicator's unit: percentages with %, amounts in their currency. */
export function inUnit(context: PageContext, indicator: Pick<IndicatorData, 'unit' | 'currency'>, value: string): string {
  const { formats } = context
  if (indicator.unit === 'percent') return formats.percent(value)
  if (indicator.unit === 'amount' && indicator.currency !== null) return formats.money(value, indicator.currency)
  return formats.number(value)
}

/** A figure in its unit, or why there is none. */
export function figureText(context: PageContext, indicator: Pick<IndicatorData, 'unit' | 'currency'>, figure: FigureData): string {
  return figure.value === null ? missingReason(context, figure.reason) : inUnit(context, indicator, figure.value)
}

export function targetText(context: PageContext, indicator: IndicatorData): string {
  const resolved = indicator.target?.resolved
  if (resolved === undefined) return missingReason(context, 'no-target')
  if (resolved.value !== null) return inUnit(context, indicator, resolved.value)
  if (resolved.lower !== null && resolved.upper !== null)
    return `${inUnit(context, indicator, resolved.lower)} – ${inUnit(context, indicator, resolved.upper)}`
  return missingReason(context, resolved.reason)
}

/** Attainment as a bar with its uncapped percentage and rating, or the reason it is missing. */
export function attainmentCell(context: PageContext, attainment: FigureData, rating: string): Html {
  const { formats, texts } = context
  if (attainment.value === null)
    return html`${ratingBadge(context, 'no_data')} <span class="muted">${missingReason(context, attainment.reason)}</span>`
  const shown = formats.fraction(attainment.value)
  const label = `${texts.attainment}: ${shown} (${nameOf(texts, 'rating', rating)})`
  return html`${attainmentBar(attainment.value, rating, label)} <strong>${shown}</strong> ${ratingBadge(context, rating)}`
}

export function rollUpLine(context: PageContext, rollUp: RollUpData): Html {
  const { texts } = context
  return html`<div class="rollup">${attainmentCell(context, rollUp.attainment, rollUp.rating)}
<span class="muted">${texts.rollUpOf(rollUp.counted, rollUp.indicators)}</span></div>`
}

export function measureStatusList(context: PageContext, rollUp: RollUpData): Html {
  const shown = rollUp.measureStatuses.filter((entry) => entry.count > 0)
  return html`<ul class="statuses" aria-label="${context.texts.measureStatuses}">${shown.map(
    (entry) => html`<li>${nameOf(context.texts, 'measureStatus', entry.status)}: <strong>${entry.count}</strong></li>`,
  )}</ul>`
}

/** The breakdown of the indicator's value for the period its figures are for, one bar chart per dimension. */
export function breakdownCharts(context: PageContext, indicator: IndicatorData): Html | null {
  const value = indicator.values?.find((entry) => entry.period === indicator.period)
  if (value === undefined || value.breakdowns.length === 0) return null
  return html`<div class="charts">${value.breakdowns.map((breakdown) => breakdownChart(context, indicator, breakdown))}</div>`
}

function breakdownChart(context: PageContext, indicator: IndicatorData, breakdown: BreakdownData): Html {
  const dimension = nameOf(context.texts, 'dimension', breakdown.dimension)
  const caption = `${localizedText(indicator.name, context.language)} · ${context.texts.breakdownOf(dimension)} (${indicator.period})`
  const bars = breakdown.categories.map((category) => ({
    label: category.category,
    value: category.value,
    shown: category.value === null ? missingReason(context, category.reason) : inUnit(context, indicator, category.value),
  }))
  return html`<figure class="card">${barChart(bars, caption)}<figcaption><strong>${indicator.code}</strong> ${localized(indicator.name, context.language)}<br>${context.texts.breakdownOf(dimension)} (${indicator.period})</figcaption></figure>`
}

/** The indicators of an objective or a measure as table rows. `link`: whether the code leads to the indicator's page. */
export function indicatorRows(context: PageContext, indicators: readonly IndicatorData[], link: boolean): Html[] {
  const { texts } = context
  return indicators.map(
    (indicator) => html`<tr>
<td>${link ? html`<a href="/indicators/${encodeURIComponent(indicator.id)}">${indicator.code}</a>` : indicator.code}</td>
<td>${localized(indicator.name, context.language)}</td>
<td class="num hide-narrow">${indicator.baseline === null ? '—' : `${inUnit(context, indicator, indicator.baseline.value)} (${indicator.baseline.year})`}</td>
<td class="num">${targetText(context, indicator)}</td>
<td class="num">${figureText(context, indicator, indicator.actual)}${indicator.period !== null && html` <span class="muted">(${indicator.period})</span>`}</td>
<td>${attainmentCell(context, indicator.attainment, indicator.rating.value)}${
      indicator.attainment.value !== null && Number(indicator.attainment.value) > 1.5 && html` <span class="muted">${texts.uncapped}</span>`
    }</td>
</tr>`,
  )
}

export function indicatorTable(context: PageContext, indicators: readonly IndicatorData[], link: boolean): Html | null {
  if (indicators.length === 0) return null
  const { texts } = context
  return html`<div class="scroll" tabindex="0" role="region" aria-label="${texts.indicators}"><table>
<thead><tr><th scope="col">${texts.code}</th><th scope="col">${texts.indicator}</th><th scope="col" class="num hide-narrow">${texts.baseline}</th><th scope="col" class="num">${texts.target}</th><th scope="col" class="num">${texts.achieved}</th><th scope="col">${texts.attainment}</th></tr></thead>
<tbody>${indicatorRows(context, indicators, link)}</tbody></table></div>`
}

export function measureLine(context: PageContext, measure: MeasureData): Html {
  const { texts, language, formats } = context
  const latest = measure.statusHistory.at(-1)
  return html`<li><strong>${measure.code}</strong> ${localized(measure.title, language)} — <em>${nameOf(texts, 'measureStatus', measure.status)}</em>${
    latest?.reason && html` <span class="muted">(${localized(latest.reason, language)}, ${formats.date(latest.date)})</span>`
  }${measure.leadActors.length > 0 && html`<br><span class="muted">${texts.actors}: ${measure.leadActors.map((actor, index) => html`${index > 0 && ', '}${localized(actor, language)}`)}</span>`}${
    measure.deadline !== null && html` <span class="muted">· ${texts.deadline}: ${formats.date(measure.deadline)}</span>`
  }</li>`
}

/** Budget-share indicators as gauges: the share against its target ("0.9 % against 2 %"). */
export function shareGauges(context: PageContext, indicators: readonly IndicatorData[]): Html | null {
  const shares = indicators.filter((indicator) => indicator.computed !== null)
  if (shares.length === 0) return null
  const { texts, formats } = context
  return html`<div class="charts">${shares.map((indicator) => {
    const share = indicator.actual.value
    const target = indicator.target?.resolved.value ?? null
    const caption = share === null ? '—' : formats.percent(share)
    const words =
      share !== null && target !== null
        ? texts.shareAgainstTarget(formats.percent(share), formats.percent(target))
        : figureText(context, indicator, indicator.actual)
    return html`<figure class="card gauge-card">${gauge(share, target, `${localizedText(indicator.name, context.language)}: ${words}`, caption)}
<figcaption><strong>${words}</strong><br>${localized(indicator.name, context.language)}${indicator.period !== null && ` (${indicator.period})`}</figcaption></figure>`
  })}</div>`
}

function fundingRows(context: PageContext, costing: CostingFigures): Html[] {
  const { texts, formats } = context
  return costing.byFundingSource.map(
    (
      funding,
    ) => html`<tr><td>${funding.name ?? nameOf(texts, 'fundingKind', funding.kind)} <span class="muted">(${nameOf(texts, 'fundingKind', funding.kind)})</span></td>
<td class="num">${formats.money(funding.planned.amount, funding.planned.currency)}</td>
<td class="num">${formats.money(funding.allocated.amount, funding.allocated.currency)}</td>
<td class="num">${formats.money(funding.executed.amount, funding.executed.currency)}</td></tr>`,
  )
}

/** Planned, allocated and executed money per year and funder, with the execution rate. */
export function budgetSection(context: PageContext, plan: PlanData): Html {
  const { texts, formats } = context
  const costing = plan.costing
  if (costing === null || costing.lines.total === 0) return html`<p class="muted">${texts.noBudget}</p>`
  const stages = [texts.planned, texts.allocated, texts.executed] as const
  const chart = moneyBars(
    costing.byYear.map((year) => ({
      label: String(year.fiscalYear),
      planned: year.planned.amount,
      allocated: year.allocated.amount,
      executed: year.executed.amount,
    })),
    stages,
    `${texts.budget}: ${stages.join(', ')}`,
  )
  const rate = (figures: CostingFigures): string =>
    figures.executionRate.value === null
      ? missingReason(context, figures.executionRate.reason)
      : formats.fraction(figures.executionRate.value)
  return html`<figure>${chart}</figure>
<div class="scroll" tabindex="0" role="region" aria-label="${texts.budget}"><table>
<thead><tr><th scope="col">${texts.fiscalYear} / ${texts.funder}</th><th scope="col" class="num">${texts.planned}</th><th scope="col" class="num">${texts.allocated}</th><th scope="col" class="num">${texts.executed}</th></tr></thead>
${costing.byYear.map(
  (year) => html`<tbody><tr><th scope="row">${year.fiscalYear}</th>
<th class="num">${formats.money(year.planned.amount, year.planned.currency)}</th>
<th class="num">${formats.money(year.allocated.amount, year.allocated.currency)}</th>
<th class="num">${formats.money(year.executed.amount, year.executed.currency)}</th></tr>
${fundingRows(context, year)}
<tr><td colspan="4" class="muted">${texts.executionRate}: ${rate(year)}${year.lines.nonNumericCosting > 0 && ` · ${texts.costedInWords(year.lines.nonNumericCosting)}`}</td></tr></tbody>`,
)}
<tfoot><tr><th scope="row">${texts.total}</th><th class="num">${formats.money(costing.planned.amount, costing.currency)}</th><th class="num">${formats.money(costing.allocated.amount, costing.currency)}</th><th class="num">${formats.money(costing.executed.amount, costing.currency)}</th></tr>
<tr><td colspan="4" class="muted">${texts.executionRate}: ${rate(costing)}</td></tr></tfoot>
</table></div>`
}
