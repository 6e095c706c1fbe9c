import { localized, type LocalizedText as LocalizedTextData } from '../format.js'
import { html } from '../html.js'
import { nameOf } from '../messages.js'
import type { PageContext, PageContent } from '../page.js'
import type { FigureData } from '../plan-query.js'
import { attainmentCell } from '../views.js'

/** Municipalities and their plans the caller may read, a page of municipalities at a time. */
export const homeDocument = `query Home($after: String) {
  municipalities(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { code name { sq en } country
      plans { id kind title { sq en } period { from to } status rollUp { attainment { value reason explanation } rating counted indicators } } } }
  }
}`

export interface HomeAnswer {
  readonly municipalities: {
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null }
    readonly edges: ReadonlyArray<{
      readonly node: {
        readonly code: string
        readonly name: LocalizedTextData
        readonly country: string
        readonly plans: ReadonlyArray<{
          readonly id: string
          readonly kind: string
          readonly title: LocalizedTextData
          readonly period: { readonly from: number; readonly to: number }
          readonly status: string
          readonly rollUp: {
            readonly attainment: FigureData
            readonly rating: string
            readonly counted: number
            readonly indicators: number
          }
        }>
      }
    }>
  }
}

export function homePage(context: PageContext, answer: HomeAnswer): PageContent {
  const { texts, language } = context
  const { edges, pageInfo } = answer.municipalities
  const body = html`<h1>${texts.municipalities}</h1>
<p class="muted">${texts.municipalitiesIntro}</p>
${edges.length === 0 && html`<p>${texts.noMunicipalities}</p>`}
<div class="cards">${edges.map(
    ({ node }) => html`<section class="card" aria-labelledby="m-${node.code}">
<h2 id="m-${node.code}">${localized(node.name, language)} <span class="muted">(${node.code}, ${node.country})</span></h2>
${node.plans.length === 0 && html`<p class="muted">${texts.noPlans}</p>`}
<ul>${node.plans.map(
      (plan) => html`<li><a href="/plans/${encodeURIComponent(plan.id)}">${localized(plan.title, language)}</a>
<br><span class="muted">${nameOf(texts, 'planKind', plan.kind)} · ${plan.period.from}–${plan.period.to} · ${nameOf(texts, 'planStatus', plan.status)}</span>
<div>${attainmentCell(context, plan.rollUp.attainment, plan.rollUp.rating)}</div></li>`,
    )}</ul>
</section>`,
  )}</div>
${pageInfo.hasNextPage && pageInfo.endCursor !== null && html`<p><a href="/?after=${encodeURIComponent(pageInfo.endCursor)}">${texts.nextPage}</a></p>`}`
  return { title: texts.municipalities, body }
}
