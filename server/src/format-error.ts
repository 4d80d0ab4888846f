import { ErrorCode } from '@quorum/shared';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { coercionField, describeInputRefusal } from './input-refusal.js';
import { RefusalCode } from './security/refusal.js';
import { requestIdOf } from './security/request-id.js';
import { databaseOutage, retryAfterSeconds, unavailableMessage } from './security/unavailable.js';
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
 * and limit, a database outage as the retryable SERVICE_UNAVAILABLE (over HTTP also 503 with `Retry-After`,
 * see `serviceUnavailablePlugin`), anything else masked (no stack, no SQL) and logged by class and code with
 * the request id (over HTTP, the one of the request being handled unless given).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId = requestIdOf(error),
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
    // `http` is Apollo's to read (status, headers) over HTTP; over WebSocket it would reach the client.
    const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
    // A variable that did not coerce (a date out of range, an unknown enum value) names its field too.
    if (code === ErrorCode.BAD_USER_INPUT && extensions.field === undefined) {
      const field = coercionField(formatted.message);
      if (field) extensions.field = field;
    }
    return { ...formatted, extensions };
  }
  const outage = databaseOutage(original);
  if (outage) {
    logUnexpectedError(requestId, original, outage);
    return {
      message: unavailableMessage,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds },
    };
  }
  logUnexpectedError(requestId, original);
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
  };
}
