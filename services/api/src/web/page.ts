import { createHash } from 'node:crypto'
import type { Language } from '@treguesi/errors'
import type { Principal } from '../access/principal.js'
import { formatsFor, type Formats } from './format.js'
import { html, trusted, type Fragment, type Html } from './html.js'
import { messages, nameOf, type Messages } from './messages.js'

/** Who a page is for and in what language: everything a view needs besides its data. */
export interface PageContext {
  readonly language: Language
  readonly texts: Messages
  readonly formats: Formats
  readonly principal: Principal
  /** The page's own path and query, to come back to after switching language. */
  readonly path: string
}

export function pageContext(language: Language, principal: Principal, path: string): PageContext {
  return { language, texts: messages[language], formats: formatsFor(language), principal, path }
}

/**
 * One stylesheet for the pages and the report, inline so that the report is a single
 * self-contained file (it prints to PDF with every request blocked). Colours of text meet WCAG 2.1
 * AA (4.5:1) on their background; focus is always visible.
 */
export const pageStyle = `
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; --paper: #ffffff; --soft: #f6f8fa; }
* { box-sizing: border-box; }
html { font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: var(--paper); line-height: 1.45; }
body { margin: 0; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid #bf5700; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem; }
.skip:focus { left: .5rem; }
header.site { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; justify-content: space-between; padding: .75rem 1rem; background: #0b3d6b; color: #ffffff; }
header.site a, header.site button { color: #ffffff; }
header.site .brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; }
header.site .tagline { font-size: .85rem; margin-left: .5rem; }
header.site nav { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
header.site form { display: inline; margin: 0; }
header.site button { background: none; border: 1px solid #ffffff; border-radius: 4px; padding: .2rem .6rem; font: inherit; cursor: pointer; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .5rem; }
.muted { color: var(--muted); }
.notice { background: #fff8c5; border: 1px solid #d4a72c; padding: .5rem .75rem; border-radius: 4px; }
.error { background: #ffebe9; border: 1px solid #cf222e; padding: .5rem .75rem; border-radius: 4px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; background: var(--paper); }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.rating { display: inline-block; padding: 0 .4rem; border-radius: 3px; color: #ffffff; font-size: .85rem; white-space: nowrap; }
.rating-achieved { background: #1a7f37; } .rating-on_track { background: #2f6f1f; } .rating-partly { background: #a45200; }
.rating-off_track { background: #c62828; } .rating-no_data { background: #57606a; }
.area { border-left: 4px solid var(--accent); padding-left: .75rem; margin: 1.5rem 0; }
.objective { margin: .75rem 0 .75rem .5rem; }
.objective .objective { margin-left: 1rem; }
.rollup { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; font-size: .95rem; }
.statuses { display: flex; flex-wrap: wrap; gap: .25rem .75rem; list-style: none; padding: 0; margin: .25rem 0; font-size: .9rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
.charts figure { margin: 0; }
figcaption { font-size: .9rem; color: var(--muted); }
form.inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: .5rem 0 1rem; }
label { font-weight: 600; display: block; font-size: .9rem; }
input, select, button.primary { font: inherit; padding: .35rem .5rem; border: 1px solid #6e7781; border-radius: 4px; background: var(--paper); color: var(--ink); }
button.primary { background: var(--accent); color: #ffffff; border-color: var(--accent); cursor: pointer; }
.assumed { font-style: italic; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.provenance p { overflow-wrap: anywhere; }
footer.site { max-width: 72rem; margin: 2rem auto 1rem; padding: 0 1rem; font-size: .85rem; color: var(--muted); }
svg { max-width: 100%; height: auto; }
@media (max-width: 40rem) {
  main { padding: .75rem; }
  h1 { font-size: 1.25rem; }
  th, td { padding: .3rem .35rem; }
  .hide-narrow { display: none; }
}
@media print {
  header.site nav, .skip, form.inline, .no-print { display: none; }
  header.site { background: none; color: var(--ink); border-bottom: 2px solid var(--ink); }
  header.site a { color: var(--ink); }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  tr, figure, .card { break-inside: avoid; }
  .scroll { overflow: visible; }
  table { font-size: .78rem; }
  td.num, th.num { white-space: normal; }
  svg.bar { width: 90px; }
}
`

/**
 * Pages run no script at all and load nothing: the style is inline, allowed by its hash, and
 * charts are inline SVG. Forms post to this origin only.
 */
export const pageSecurityPolicy = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(pageStyle).digest('base64')}'`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

export interface PageContent {
  readonly title: string
  readonly body: Html
  /** What the header offers besides the language switch; the site navigation unless given (the report gives none). */
  readonly navigation?: boolean
}

/** Where switching language leads: back to the same page, in the other language. */
export const languageSwitch = (context: PageContext): string => {
  const other = context.language === 'sq' ? 'en' : 'sq'
  return `/language?to=${other}&back=${encodeURIComponent(context.path)}`
}

function signInState(context: PageContext): Fragment {
  const { principal, texts } = context
  if (principal.id === null) return html`<a href="/sign-in">${texts.signIn}</a>`
  return html`<span>${texts.signedInAs(principal.id, nameOf(texts, 'role', principal.role))}</span>
<form method="post" action="/sign-out"><button type="submit">${texts.signOut}</button></form>`
}

export function page(context: PageContext, { title, body, navigation = true }: PageContent): string {
  const { texts, language } = context
  const document = html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${texts.appName}</title>
<link rel="icon" href="data:,">
<style>${trusted(pageStyle)}</style>
</head>
<body>
<a class="skip" href="#content">${texts.skipToContent}</a>
<header class="site">
<div><a class="brand" href="/">${texts.appName}</a><span class="tagline">${texts.appTagline}</span></div>
${
  navigation &&
  html`<nav aria-label="${texts.appName}">
<a href="/">${texts.municipalities}</a>
<a href="${languageSwitch(context)}" lang="${language === 'sq' ? 'en' : 'sq'}" hreflang="${language === 'sq' ? 'en' : 'sq'}" aria-label="${texts.switchLanguageLabel}">${texts.switchLanguage}</a>
${signInState(context)}
</nav>`
}
</header>
<main id="content" tabindex="-1">
${body}
</main>
</body>
</html>
`
  return document.text
}
