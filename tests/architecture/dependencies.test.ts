/**
 * The layering the repository promises, checked on the sources themselves: services depend on
 * packages and never the other way round, and the domain and projections stay pure (no I/O,
 * no clock, no randomness), so every figure they compute is a function of the events alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
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
  return readdirSync(join(root, parent)).map((folder) => {
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
    t.same(declared.filter((name) => serviceNames.has(name)), [], `${pkg.name}: no service in package.json`)
    const reaching = sourceFiles(pkg.dir).flatMap((file) =>
      imports(file)
        .filter((target) => serviceNames.has(target) || target.includes('/services/'))
        .map((target) => `${relative(root, file)} → ${target}`),
    )
    t.same(reaching, [], `${pkg.name}: no import of a service`)
  }
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
      ...impureCalls
        .filter((call) => call.test(readFileSync(file, 'utf8')))
        .map((call) => `${relative(root, file)} calls ${call.source}`),
    ])
    t.same(problems, [], 'no I/O, clock or randomness')
  })
}
