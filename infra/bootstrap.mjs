#!/usr/bin/env node
// Makes a clone runnable on a machine that has only Node and npm: installs the pinned pnpm when
// it is missing, installs the workspace's dependencies from the lockfile, and builds. Every step
// is cheap when already done, so `npm start` and `npm test` run it each time.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const pnpmVersion = packageManager.replace(/^pnpm@/, '')

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options })
  if (result.error) throw result.error
  if (result.status !== 0) {
    process.stderr.write(`bootstrap: "${command} ${args.join(' ')}" failed with exit code ${result.status}\n`)
    process.exit(result.status ?? 1)
  }
}

function installedPnpm() {
  const probe = spawnSync('pnpm', ['--version'], { cwd: root, encoding: 'utf8' })
  return probe.status === 0 ? probe.stdout.trim() : undefined
}

const found = installedPnpm()
if (found !== pnpmVersion) {
  process.stderr.write(`bootstrap: installing pnpm ${pnpmVersion} (found ${found ?? 'none'})\n`)
  run('npm', ['install', '--global', `pnpm@${pnpmVersion}`, '--no-audit', '--no-fund'])
}

// better-sqlite3 compiles from source when no prebuilt binary can be fetched: about a minute, once.
run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'], {
  env: { ...process.env, npm_config_manage_package_manager_versions: 'false' },
})
run('pnpm', ['exec', 'tsc', '--build'])

// The GraphiQL test drives Debian's chromium in headless mode (services/api/test/graphiql.test.ts):
// for a test run, install it when it is missing and this machine can (apt-get, as root).
const chromium = '/usr/bin/chromium'
if (process.env.npm_lifecycle_event === 'pretest' && !existsSync(chromium)) {
  const isRoot = process.getuid?.() === 0
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  if (isRoot && apt) {
    process.stderr.write(`bootstrap: ${chromium} is missing; installing Debian's chromium for the GraphiQL browser test\n`)
    const quiet = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }
    run('apt-get', ['update'], quiet)
    run('apt-get', ['install', '-y', 'chromium'], quiet)
  } else {
    process.stderr.write(
      `bootstrap: ${chromium} is missing and cannot be installed here (needs apt-get, as root): the GraphiQL browser test will fail until chromium is installed\n`,
    )
  }
}
