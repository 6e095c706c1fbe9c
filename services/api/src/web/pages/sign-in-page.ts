import type { TreguesiError } from '@treguesi/errors'
import { html } from '../html.js'
import { messageIn as refusalMessage } from '@treguesi/errors'
import type { PageContent, PageContext } from '../page.js'

/** The form staff paste their token into; `refused`: why the last one was not accepted. */
export function signInPage(context: PageContext, refused: TreguesiError | null): PageContent {
  const { texts } = context
  return {
    title: texts.signInTitle,
    body: html`<h1>${texts.signInTitle}</h1>
${refused !== null && html`<p class="error" role="alert">${texts.signInFailed}: ${refusalMessage(refused, context.language)} <code>${refused.code}</code></p>`}
<p>${texts.signInHelp}</p>
<form method="post" action="/sign-in">
<label for="token">${texts.tokenLabel}</label>
<p><input id="token" name="token" type="password" autocomplete="off" required size="40"></p>
<button class="primary" type="submit">${texts.signIn}</button>
</form>`,
  }
}
