import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** A file of an installed package, by the path its package.json sits beside. */
function packageFile(name: string, file: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), file)
}

export interface Asset {
  readonly contentType: string
  readonly body: Buffer
}

/**
 * The browser builds GraphiQL runs from, taken from the npm packages the service depends on
 * (react and react-dom 18 still ship UMD builds; graphiql 3 a bundle that expects them as
 * globals). Read once when the service starts, so a request never touches the disk.
 */
const files: Readonly<Record<string, readonly [contentType: string, name: string, file: string]>> = {
  'react.production.min.js': ['text/javascript', 'react', 'umd/react.production.min.js'],
  'react-dom.production.min.js': ['text/javascript', 'react-dom', 'umd/react-dom.production.min.js'],
  'graphql-ws.min.js': ['text/javascript', 'graphql-ws', 'umd/graphql-ws.min.js'],
  'graphiql.min.js': ['text/javascript', 'graphiql', 'graphiql.min.js'],
  'graphiql.min.css': ['text/css', 'graphiql', 'graphiql.min.css'],
}

export async function loadAssets(): Promise<ReadonlyMap<string, Asset>> {
  const loaded = await Promise.all(
    Object.entries(files).map(
      async ([asset, [contentType, name, file]]) => [asset, { contentType, body: await readFile(packageFile(name, file)) }] as const,
    ),
  )
  return new Map(loaded)
}
