import { createRequire } from 'node:module'
import type { AxeResults, ImpactValue } from 'axe-core'
import type { Page } from 'playwright-core'

/** axe-core's own browser bundle, as its documentation has it injected into a page. */
const axeSource: string = createRequire(import.meta.url)('axe-core').source

/** WCAG 2.0 and 2.1, levels A and AA. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export interface Violation {
  /** axe's rule, e.g. `color-contrast`. */
  readonly id: string
  readonly impact: ImpactValue | undefined
  readonly help: string
  /** The CSS selectors of the elements at fault. */
  readonly nodes: string[]
}

/**
 * The WCAG A and AA violations axe-core finds in the page as it is now, of the given impacts.
 * Injecting the script needs a context with `bypassCSP` when the page's CSP admits only its own scripts.
 */
export async function axeViolations(
  page: Page,
  { impacts = ['serious', 'critical'] }: { impacts?: readonly ImpactValue[] } = {},
): Promise<Violation[]> {
  await page.addScriptTag({ content: axeSource })
  // An expression rather than a function: it runs in the page only, where `axe` is the injected global.
  const violations: AxeResults['violations'] = await page.evaluate(
    `axe.run(document, { runOnly: ${JSON.stringify(wcagTags)} }).then((results) => results.violations)`,
  )
  return violations
    .filter((violation) => (impacts as readonly (ImpactValue | undefined)[]).includes(violation.impact))
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }))
}
