import { ErrorCode } from '@quorum/shared';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { describeInputRefusal } from './input-refusal.js';
import { RefusalCode } from './security/refusal.js';
import { currentRequestId } from './security/request-id.js';
import { logUnexpectedError } from './security/unexpected-error.js';

const publicCodes = new Set<string>([
  ...Object.values(ErrorCode),
  ...Object.values(RefusalCode),
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * What a client may see of an error: our coded errors as they are, validation errors with the field, rule
 * and limit, anything else masked (no stack, no SQL) and logged by class and code with the request id (over
 * HTTP, the one of the request being handled unless given).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId = currentRequestId(),
): GraphQLFormattedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof ArgumentValidationError) {
    const { message, ...refusal } = describeInputRefusal(original.extensions.validationErrors);
    return {
      message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...refusal },
    };
  }
  const code = formatted.extensions?.code;
  if (
    typeof code === 'string' &&
    publicCodes.has(code) &&
    (original instanceof GraphQLError || !(original instanceof Error))
  ) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logUnexpectedError(requestId, original);
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
  };
}
