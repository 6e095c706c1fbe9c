import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Page, type ViewportSize } from 'playwright-core'
import type { Test } from 'tap'
import { defaultChromiumPath } from '../../src/config.js'
import { chromiumArgs } from '../../src/web/pdf-printer.js'

/** Debian's chromium, as infra/bootstrap.mjs installs it. */
export const chromiumPath = defaultChromiumPath

/** Launched as the service launches the one that prints reports: nothing of Chromium's own reaches the network. */
export { chromiumArgs }

export interface BrowserOptions {
  /** Lets a test inject a script (axe-core) into a page whose CSP allows only its own. */
  readonly bypassCSP?: boolean
  readonly viewport?: ViewportSize
  readonly locale?: string
}

export interface WatchedPage {
  readonly page: Page
  /** Every URL the page requested, in order. */
  readonly requests: string[]
  /** Every console error and uncaught page error, in order. */
  readonly problems: string[]
}

export interface TestBrowser {
  readonly context: BrowserContext
  newPage(): Promise<WatchedPage>
}

/** A real headless Chromium with a fresh profile, closed and removed when the test ends. */
export async function openBrowser(t: Test, options: BrowserOptions = {}): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'treguesi-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    ...options,
  })
  t.teardown(async () => {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  })
  return {
    context,
    async newPage() {
      const page = await context.newPage()
      const requests: string[] = []
      const problems: string[] = []
      page.on('request', (request) => requests.push(request.url()))
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text())
      })
      page.on('pageerror', (error) => problems.push(error.message))
      return { page, requests, problems }
    },
  }
}

/** The requested URLs that went to another host than this machine (data: URLs stay in the page). */
export function leftMachine(requests: readonly string[]): string[] {
  return requests.filter((url) => !url.startsWith('data:') && new URL(url).hostname !== '127.0.0.1')
}
