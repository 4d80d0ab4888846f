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

/**
 * The schema's enums that @quorum/shared declares, as TypeScript enums with the same values: the client's results
 * carry them, so that the shared workflows and labels take a result's value as it is. An enum not listed here is
 * generated as a union of its values' strings.
 */
const sharedEnums = [
  'AgendaItemStatus',
  'ApiTokenScope',
  'AppraisalStatus',
  'Attendance',
  'Classification',
  'CommentStatus',
  'DiffPartKind',
  'DocumentVersionKind',
  'MeetingKind',
  'MeetingStatus',
  'MembershipRole',
  'ParticipantRole',
  'ProgrammeItemStatus',
  'ProposalKind',
  'ProposalStatus',
  'SystemRole',
  'TaskPriority',
  'TaskStatus',
  'UnitKind',
  'Verdict',
  'VoteOutcome',
];

const codegen: CodegenConfig = {
  schema: 'schema/schema.graphql',
  generates: {
    'packages/sdk/src/generated/graphql.ts': {
      documents: 'schema/operations/sdk/*.graphql',
      plugins,
      config,
    },
    // The web client's operations. Its documents are Apollo's TypedDocumentNode, so it needs no other package.
    // Both outputs are written as generated (they are in .prettierignore): `--check` compares codegen's output
    // with the file, so a formatting hook would make it stale at every check.
    'client/src/generated/graphql.ts': {
      documents: 'schema/operations/client/*.graphql',
      plugins: [
        // The enums are imported as values (they are), so that the file may export them again.
        {
          'typescript-operations': {
            useTypeImports: false,
            enumValues: Object.fromEntries(sharedEnums.map((name) => [name, `@quorum/shared#${name}`])),
          },
        },
        'typed-document-node',
      ],
      // Ids are strings in the client (the schema's ID also accepts numbers as input).
      config: {
        ...config,
        scalars: { ...config.scalars, ID: 'string' },
        documentNodeImport: '@apollo/client#TypedDocumentNode',
      },
    },
  },
};

export default codegen;
