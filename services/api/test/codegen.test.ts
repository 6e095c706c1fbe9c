import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generate } from '@graphql-codegen/cli'
import t from 'tap'
import config from '../codegen.js'

// The resolver types are generated from schema/ and committed; a schema change without
// `pnpm codegen` would leave resolvers typed against a schema that no longer exists.
t.test('the committed resolver types are those the schema generates', async (t) => {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const previous = process.cwd()
  process.chdir(root)
  t.teardown(() => process.chdir(previous))
  const [output] = await generate({ ...config, silent: true }, false)
  const committed = readFileSync(new URL('../src/graphql/generated/resolvers.ts', import.meta.url), 'utf8')
  t.equal(output!.filename, 'src/graphql/generated/resolvers.ts')
  t.ok(output!.content === committed, 'up to date (run `pnpm --filter @treguesi/api codegen` after changing schema/)')
})
