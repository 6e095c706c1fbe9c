import { localized, localizedText, type LocalizedText } from '../format.js'
import { html, type Html } from '../html.js'
import { nameOf } from '../messages.js'
import type { PageContent, PageContext } from '../page.js'
import type { IndicatorData } from '../plan-query.js'
import { breakdownCharts, inUnit, missingReason, targetText, attainmentCell } from '../views.js'

interface ReportedValueData {
  readonly value: string | null
  readonly reason: string | null
  readonly text: LocalizedText | null
}

export interface IndicatorAnswer {
  readonly indicator:
    | (IndicatorData & {
        readonly values: NonNullable<IndicatorData['values']>
        readonly plan: { readonly id: string; readonly title: LocalizedText }
        readonly history?: ReadonlyArray<{
          readonly kind: string
          readonly period: string
          readonly value: ReportedValueData
          readonly previous: ReportedValueData | null
          readonly reason: LocalizedText | null
          readonly recordedAt: string
          readonly actor: { readonly id: string | null; readonly role: string } | null
        }>
      })
    | null
}

/** One indicator with every period's value and breakdowns; its history of reports and corrections for signed-in callers. */
export const indicatorDocument = `query IndicatorPage($id: ID!, $period: Period, $signedIn: Boolean!) {
  indicator(id: $id) {
    id code name { sq en } unit currency sensitive computed { kind category } baseline { value year }
    period(period: $period)
    actual(period: $period) { value reason explanation }
    target(period: $period) { period resolved { value lower upper reason } }
    attainment(period: $period) { value reason explanation }
    rating(period: $period) { value reason }
    values { period value reason text { sq en } breakdowns { dimension categories { category value reason } } source { sq en } note { sq en } }
    plan { id title { sq en } }
    history @include(if: $signedIn) {
      kind period value { value reason text { sq en } } previous { value reason text { sq en } } reason { sq en } recordedAt actor { id role }
    }
  }
}`

function valueText(context: PageContext, indicator: IndicatorData, value: ReportedValueData): Html | string {
  if (value.text !== null) return localized(value.text, context.language)
  return value.value === null ? missingReason(context, value.reason) : inUnit(context, indicator, value.value)
}

export function indicatorPage(context: PageContext, indicator: NonNullable<IndicatorAnswer['indicator']>): PageContent {
  const { texts, language, formats } = context
  const periods = indicator.values.map((value) => ({ ...indicator, period: value.period }))
  const body = html`<p><a href="/plans/${encodeURIComponent(indicator.plan.id)}">${localized(indicator.plan.title, language)}</a></p>
<h1>${indicator.code}: ${localized(indicator.name, language)}</h1>
<dl class="facts">
<dt>${texts.baseline}</dt><dd>${indicator.baseline === null ? '—' : `${inUnit(context, indicator, indicator.baseline.value)} (${indicator.baseline.year})`}</dd>
<dt>${texts.target}</dt><dd>${targetText(context, indicator)}${indicator.target !== null && ` (${indicator.target.period})`}</dd>
<dt>${texts.attainment}</dt><dd>${attainmentCell(context, indicator.attainment, indicator.rating.value)}</dd>
</dl>
<h2>${texts.values}</h2>
${indicator.values.length === 0 && html`<p class="muted">${texts.noValues}</p>`}
${
  indicator.values.length > 0 &&
  html`<div class="scroll" tabindex="0" role="region" aria-label="${texts.values}"><table>
<thead><tr><th scope="col">${texts.period}</th><th scope="col" class="num">${texts.achieved}</th><th scope="col">${texts.source}</th><th scope="col">${texts.note}</th></tr></thead>
<tbody>${indicator.values.map(
    (value) =>
      html`<tr><td>${value.period}</td><td class="num">${valueText(context, indicator, value)}</td><td>${localized(value.source, language)}</td><td>${localized(value.note, language)}</td></tr>`,
  )}</tbody></table></div>`
}
${periods.map((period) => breakdownCharts(context, period))}
${
  indicator.history !== undefined &&
  html`<h2>${texts.history}</h2>
<p class="muted">${texts.historyIntro}</p>
<div class="scroll" tabindex="0" role="region" aria-label="${texts.history}"><table>
<thead><tr><th scope="col">${texts.recordedAt}</th><th scope="col">${texts.period}</th><th scope="col">${texts.entryKind}</th><th scope="col" class="num">${texts.achieved}</th><th scope="col" class="num">${texts.previousValue}</th><th scope="col">${texts.reason}</th><th scope="col">${texts.recordedBy}</th></tr></thead>
<tbody>${indicator.history.map(
    (entry) => html`<tr><td>${formats.dateTime(entry.recordedAt)}</td><td>${entry.period}</td>
<td>${entry.kind === 'corrected' ? texts.kindCorrected : texts.kindReported}</td>
<td class="num">${valueText(context, indicator, entry.value)}</td>
<td class="num">${entry.previous === null ? '—' : valueText(context, indicator, entry.previous)}</td>
<td>${localized(entry.reason, language)}</td>
<td>${entry.actor === null ? '—' : (entry.actor.id ?? nameOf(texts, 'role', entry.actor.role))}</td></tr>`,
  )}</tbody></table></div>`
}`
  return { title: `${indicator.code}: ${localizedText(indicator.name, language)}`, body }
}
