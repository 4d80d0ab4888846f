import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

function firstError(error: unknown): GraphQLFormattedError | undefined {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0];
  if (ServerError.is(error)) {
    try {
      return (JSON.parse(error.bodyText) as { errors?: GraphQLFormattedError[] }).errors?.[0];
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** `extensions.retryAfterSeconds` of a RATE_LIMITED error: how long to wait before trying again. */
export function retryAfterSeconds(error: unknown): number | null {
  const value = firstError(error)?.extensions?.['retryAfterSeconds'];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}
