import type { CodegenConfig } from '@graphql-codegen/cli'

// Resolver types generated from the schema (schema-first): `pnpm --filter @treguesi/api codegen`.
// The test suite regenerates them and fails when the committed file is stale.
const config: CodegenConfig = {
  schema: '../../schema/*.graphql',
  generates: {
    'src/graphql/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context.js#GraphQLContext',
        mappers: {},
        scalars: {
          Decimal: 'string',
          DateTime: 'string',
          Date: 'string',
          Period: 'string',
          Position: 'string',
          JSON: 'unknown',
        },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
      },
    },
  },
}

export default config
