// GraphQL Code Generator (`pnpm codegen`; `pnpm typecheck` runs it with --check so that nothing drifts): the
// operations in schema/operations, validated against schema/schema.graphql (an operation that asks for a field
// the schema does not have fails here), become typed documents with their result and variable types.
import type { CodegenConfig } from '@graphql-codegen/cli';

const plugins = ['typescript-operations', 'typed-document-node'];
const config = {
  useTypeImports: true,
  enumsAsTypes: true,
  avoidOptionals: { field: true, inputValue: false, object: true },
  scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' },
  documentMode: 'documentNode',
};

const codegen: CodegenConfig = {
  schema: 'schema/schema.graphql',
  generates: {
    'packages/sdk/src/generated/graphql.ts': { documents: 'schema/operations/sdk/*.graphql', plugins, config },
  },
  hooks: { afterOneFileWrite: ['prettier --write'] },
};

export default codegen;
