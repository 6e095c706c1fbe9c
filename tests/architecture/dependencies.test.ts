/**
 * The layering the repository promises, checked on the sources themselves: services depend on
 * packages and never the other way round, no service on another, no product code on tests, and the domain and projections stay pure (no I/O,
 * no clock, no randomness), so every figure they compute is a function of the events alone.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const root = fileURLToPath(new URL('../..', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

function workspaces(parent: string): Array<{ dir: string; name: string; manifest: Record<string, Record<string, string>> }> {
  return readdirSync(join(root, parent))
    .filter((folder) => existsSync(join(root, parent, folder, 'package.json')))
    .map((folder) => {
      const dir = join(root, parent, folder)
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      return { dir, name: manifest.name as string, manifest }
    })
}

const imports = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!)

const packages = workspaces('packages')
const services = workspaces('services')
const serviceNames = new Set(services.map((service) => service.name))

t.test('packages never depend on services', async (t) => {
  t.ok(packages.length >= 5 && services.length >= 1, 'the workspace was found')
  for (const pkg of packages) {
    const declared = Object.keys({ ...pkg.manifest.dependencies, ...pkg.manifest.devDependencies })
    t.same(
      declared.filter((name) => serviceNames.has(name)),
      [],
      `${pkg.name}: no service in package.json`,
    )
    const reaching = sourceFiles(pkg.dir).flatMap((file) =>
      imports(file)
        .filter((target) => serviceNames.has(target) || target.includes('/services/'))
        .map((target) => `${relative(root, file)} → ${target}`),
    )
    t.same(reaching, [], `${pkg.name}: no import of a service`)
  }
})

t.test('no service depends on another service', async (t) => {
  for (const service of services) {
    const others = new Set([...serviceNames].filter((name) => name !== service.name))
    const declared = Object.keys({ ...service.manifest.dependencies, ...service.manifest.devDependencies })
    t.same(
      declared.filter((name) => others.has(name)),
      [],
      `${service.name}: no other service in package.json`,
    )
    const reaching = sourceFiles(service.dir).flatMap((file) =>
      imports(file)
        .filter((target) => others.has(target.split('/').slice(0, 2).join('/')) || /(^|\/)services\//.test(target))
        .map((target) => `${relative(root, file)} → ${target}`),
    )
    t.same(reaching, [], `${service.name}: no import of another service`)
  }
})

// The workspaces under tests/ hold benchmarks and checks; what the product runs lives elsewhere.
const testWorkspaceNames = new Set(workspaces('tests').map((workspace) => workspace.name))

t.test('no production code depends on tests/', async (t) => {
  t.ok(testWorkspaceNames.size > 0, 'the test workspaces were found')
  for (const workspace of [...packages, ...services]) {
    const declared = Object.keys(workspace.manifest.dependencies ?? {})
    t.same(
      declared.filter((name) => testWorkspaceNames.has(name)),
      [],
      `${workspace.name}: no test workspace among its dependencies`,
    )
    const reaching = sourceFiles(join(workspace.dir, 'src')).flatMap((file) =>
      imports(file)
        .filter(
          (target) =>
            testWorkspaceNames.has(target.split('/').slice(0, 2).join('/')) || /(^|\/)tests\//.test(target) || /(^|\/)test\//.test(target),
        )
        .map((target) => `${relative(root, file)} → ${target}`),
    )
    t.same(reaching, [], `${workspace.name}: its sources import nothing from tests/ or test/`)
  }
})

// Specs and the stores' contract suite sit in src/ beside what they test; nothing else uses them.
const testSupport = /\.spec\.ts$|test-support\.ts$|\/(testing|contract)\//

t.test("no production code uses the domain's test builders", async (t) => {
  const reaching = [...packages, ...services].flatMap((workspace) =>
    sourceFiles(join(workspace.dir, 'src'))
      .filter((file) => !testSupport.test(file))
      .flatMap((file) =>
        imports(file)
          .filter((target) => target === '@treguesi/domain/testing' || /(^|\/)testing(\/|$)/.test(target))
          .map((target) => `${relative(root, file)} → ${target}`),
      ),
  )
  t.same(reaching, [], 'only specs, test support and tests import @treguesi/domain/testing')
})

// What a pure module may not touch: the outside world, the clock, chance.
const impure = [
  { pattern: /^node:|^(fs|net|http|child_process|os|crypto)$/, what: 'a Node.js I/O module' },
  { pattern: /^@treguesi\/(event-store|commands)$/, what: 'the store or command handling' },
]
const impureCalls = [/\bDate\.now\(/, /\bnew Date\(\s*\)/, /\bMath\.random\(/, /\bperformance\.now\(/, /\bprocess\./]

for (const pure of ['domain', 'projections']) {
  t.test(`${pure} is pure`, async (t) => {
    const files = sourceFiles(join(root, 'packages', pure, 'src')).filter((file) => !file.endsWith('.spec.ts'))
    t.ok(files.length > 0, 'sources found')
    const problems = files.flatMap((file) => [
      ...imports(file).flatMap((target) =>
        impure.filter((rule) => rule.pattern.test(target)).map((rule) => `${relative(root, file)} imports ${rule.what} (${target})`),
      ),
      ...impureCalls.filter((call) => call.test(readFileSync(file, 'utf8'))).map((call) => `${relative(root, file)} calls ${call.source}`),
    ])
    t.same(problems, [], 'no I/O, clock or randomness')
  })
}
