import { localized, localizedText } from '../format.js'
import { html, type Html } from '../html.js'
import { nameOf } from '../messages.js'
import type { PageContent, PageContext } from '../page.js'
import { indicatorsOf, measuresOf, type IndicatorData, type PlanData } from '../plan-query.js'
import { figureText } from '../views.js'
import { planHeading } from './plan-page.js'

/** One thing that reads differently now from how it read then. */
interface Change {
  readonly what: Html
  readonly was: string
  readonly now: string
}

function indicatorChanges(context: PageContext, then: readonly IndicatorData[], now: readonly IndicatorData[]): Change[] {
  const earlier = new Map(then.map((indicator) => [indicator.id, indicator]))
  return now.flatMap((indicator) => {
    const before = earlier.get(indicator.id)
    const shown = (of: IndicatorData | undefined): string =>
      of === undefined ? '—' : `${figureText(context, of, of.actual)}${of.period === null ? '' : ` (${of.period})`}`
    const [was, is] = [shown(before), shown(indicator)]
    if (was === is && before?.rating.value === indicator.rating.value) return []
    const rating = (of: IndicatorData | undefined): string =>
      of === undefined ? '' : ` · ${nameOf(context.texts, 'rating', of.rating.value)}`
    return [
      {
        what: html`<a href="/indicators/${encodeURIComponent(indicator.id)}">${indicator.code}</a> ${localized(indicator.name, context.language)}`,
        was: was + rating(before),
        now: is + rating(indicator),
      },
    ]
  })
}

function measureChanges(context: PageContext, then: PlanData, now: PlanData): Change[] {
  const earlier = new Map(measuresOf(then).map((measure) => [measure.id, measure.status]))
  return measuresOf(now).flatMap((measure) => {
    const before = earlier.get(measure.id)
    if (before === measure.status) return []
    return [
      {
        what: html`${context.texts.measures}: ${measure.code} ${localized(measure.title, context.language)}`,
        was: before === undefined ? '—' : nameOf(context.texts, 'measureStatus', before),
        now: nameOf(context.texts, 'measureStatus', measure.status),
      },
    ]
  })
}

function budgetChanges(context: PageContext, then: PlanData, now: PlanData): Change[] {
  const { texts, formats } = context
  const earlier = new Map((then.costing?.byYear ?? []).map((year) => [year.fiscalYear, year]))
  return (now.costing?.byYear ?? []).flatMap((year) => {
    const before = earlier.get(year.fiscalYear)
    return (['planned', 'allocated', 'executed'] as const).flatMap((stage) => {
      const is = year[stage]
      const was = before?.[stage]
      if (was?.amount === is.amount) return []
      return [
        {
          what: html`${texts.budget} ${year.fiscalYear}: ${texts[stage]}`,
          was: was === undefined ? '—' : formats.money(was.amount, was.currency),
          now: formats.money(is.amount, is.currency),
        },
      ]
    })
  })
}

/** The plan as known at the start of `since` (UTC) against now: figures, ratings, statuses and money that differ. */
export function changesPage(context: PageContext, now: PlanData, then: PlanData | null, since: string | null): PageContent {
  const { texts, formats, language } = context
  const path = `/plans/${encodeURIComponent(now.id)}/changes`
  const changes =
    then === null
      ? []
      : [
          ...(then.status === now.status
            ? []
            : [
                {
                  what: html`${texts.status}`,
                  was: nameOf(texts, 'planStatus', then.status),
                  now: nameOf(texts, 'planStatus', now.status),
                },
              ]),
          ...indicatorChanges(context, indicatorsOf(then), indicatorsOf(now)),
          ...measureChanges(context, then, now),
          ...budgetChanges(context, then, now),
        ]
  const body = html`${planHeading(context, now)}
<p><a href="/plans/${encodeURIComponent(now.id)}">${texts.back}</a></p>
<h2>${since === null ? texts.changes : texts.changesSince(since.length === 10 ? formats.date(since) : formats.dateTime(since))}</h2>
<p class="muted">${texts.changesIntro}</p>
<form class="inline" method="get" action="${path}">
<div><label for="since">${texts.since}</label><input id="since" name="since" type="date" value="${since?.slice(0, 10) ?? ''}" required></div>
<button class="primary" type="submit">${texts.show}</button>
</form>
${since !== null && then === null && html`<p>${texts.notYetKnown}</p>`}
${since !== null && then !== null && changes.length === 0 && html`<p>${texts.nothingChanged}</p>`}
${
  changes.length > 0 &&
  html`<div class="scroll" tabindex="0" role="region" aria-label="${texts.changes}"><table>
<thead><tr><th scope="col">${texts.whatChanged}</th><th scope="col">${texts.before}</th><th scope="col">${texts.now}</th></tr></thead>
<tbody>${changes.map((change) => html`<tr><td>${change.what}</td><td>${change.was}</td><td>${change.now}</td></tr>`)}</tbody>
</table></div>`
}`
  return { title: `${texts.changes} · ${localizedText(now.title, language)}`, body }
}
