import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// The same from src/ and dist/: the schema folder at the repository root.
const schemaFolder = fileURLToPath(new URL('../../../../schema/', import.meta.url))

/** The GraphQL schema, schema-first: every `schema/*.graphql` file, in name order. */
export function schemaSource(): string {
  return readdirSync(schemaFolder)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(`${schemaFolder}${name}`, 'utf8'))
    .join('\n')
}
