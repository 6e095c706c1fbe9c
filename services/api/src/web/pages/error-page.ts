import type { TreguesiError } from '@treguesi/errors'
import { html } from '../html.js'
import { messageIn as refusalMessage } from '@treguesi/errors'
import type { PageContent, PageContext } from '../page.js'

/** A refusal as a page: what was refused, in the reader's language, with its stable code. */
export function errorPage(context: PageContext, refusal: TreguesiError): PageContent {
  const { texts } = context
  return {
    title: texts.errorTitle,
    body: html`<h1>${texts.errorTitle}</h1>
<p class="error" role="alert">${refusalMessage(refusal, context.language)} <code>${refusal.code}</code></p>
<p><a href="/">${texts.home}</a></p>`,
  }
}

export function notFoundPage(context: PageContext): PageContent {
  const { texts } = context
  return {
    title: texts.notFoundTitle,
    body: html`<h1>${texts.notFoundTitle}</h1><p>${texts.notFound}</p><p><a href="/">${texts.home}</a></p>`,
  }
}
