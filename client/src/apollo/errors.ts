import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@quorum/shared';

export interface ApiErrorInfo {
  /** `extensions.code` of the first GraphQL error, or NETWORK when the server was not reached. */
  code: ErrorCode | 'NETWORK';
  /** `extensions.field` of a BAD_USER_INPUT error: the input field that was refused. */
  field?: string;
  /** `extensions.constraint`: the rule it broke (`maxLength`, `minLength`, `min`, `max`, …). */
  constraint?: string;
  /** `extensions.limit`: the number in that rule (500 characters, 1,440 minutes). */
  limit?: number;
}

const knownCodes = new Set<string>(Object.values(ErrorCode));

function fromGraphQLError(error: GraphQLFormattedError | undefined): ApiErrorInfo | null {
  if (!error) return null;
  const code = error.extensions?.['code'];
  const field = error.extensions?.['field'];
  const constraint = error.extensions?.['constraint'];
  const limit = error.extensions?.['limit'];
  return {
    code:
      typeof code === 'string' && knownCodes.has(code)
        ? (code as ErrorCode)
        : ErrorCode.INTERNAL_SERVER_ERROR,
    ...(typeof field === 'string' ? { field } : {}),
    ...(typeof constraint === 'string' ? { constraint } : {}),
    ...(typeof limit === 'number' ? { limit } : {}),
  };
}

/**
 * Reads the error code out of whatever Apollo Client reports. GraphQL errors come as
 * CombinedGraphQLErrors; a server that answers an error with a non-2xx status and plain
 * JSON comes as ServerError whose body still holds the GraphQL errors.
 */
export function apiErrorInfo(error: unknown): ApiErrorInfo | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    return fromGraphQLError(error.errors[0]) ?? { code: ErrorCode.INTERNAL_SERVER_ERROR };
  }
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: GraphQLFormattedError[] };
      const info = fromGraphQLError(body.errors?.[0]);
      if (info) return info;
    } catch {
      // Not JSON (a proxy's HTML page, say): treat as unreachable below.
    }
    if (error.statusCode === 401) return { code: ErrorCode.UNAUTHENTICATED };
    if (error.statusCode === 429) return { code: ErrorCode.RATE_LIMITED };
    return { code: 'NETWORK' };
  }
  return { code: 'NETWORK' };
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return apiErrorInfo(error)?.code === code;
}
