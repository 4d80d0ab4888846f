import { GraphQLError } from 'graphql';

/**
 * The `extensions.code` of a request refused before it runs. The first three are Apollo Server's own,
 * used with the same meaning on the WebSocket path.
 */
export enum RefusalCode {
  /** Not a GraphQL document, or more tokens than allowed. */
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  /** Invalid against the schema, or over a query limit (then `extensions.limit` names it). */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** Not a GraphQL request: malformed JSON, a batch, a request without CSRF protection. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** A body, or a WebSocket operation, larger than allowed. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** An uploaded file whose content is not of an accepted kind, or not of the kind its name says. */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** One operation too many running on a WebSocket. */
  TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS',
}

/** Which query limit a GRAPHQL_VALIDATION_FAILED refusal hit (`extensions.limit`). */
export type QueryLimit = 'depth' | 'aliases' | 'directives' | 'cost';

export function refusal(
  code: RefusalCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** The error body of a refusal answered outside Apollo Server (by Express), shaped like its answers. */
export function refusalBody(code: RefusalCode, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}
