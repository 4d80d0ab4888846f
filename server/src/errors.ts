import { ErrorCode } from '@quorum/shared';
import { GraphQLError } from 'graphql';

/** GraphQL errors with the fixed `extensions.code` of the API conventions. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required', extensions: Record<string, unknown> = {}) {
    super(ErrorCode.UNAUTHENTICATED, message, extensions);
  }
}

/**
 * A credential that was presented and refused (unknown, malformed, expired, revoked, of a deactivated
 * account): UNAUTHENTICATED, and over HTTP the status 401 rather than the 500 of a failed request context.
 */
export class RejectedCredentialError extends UnauthenticatedError {
  constructor(message: string) {
    super(message, { http: { status: 401 } });
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${what} ${id} not found`);
  }
}

export class BadInputError extends AppError {
  constructor(field: string, message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, { ...extensions, field });
  }
}

export class ConflictError extends AppError {
  constructor(what: string, expectedVersion: number, actualVersion: number) {
    super(
      ErrorCode.CONFLICT,
      `${what} was changed by someone else (version ${actualVersion}, expected ${expectedVersion})`,
      {
        expectedVersion,
        actualVersion,
      },
    );
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, `Too many attempts; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}

/** Retryable: the server cannot serve this now (the database is down, a subscriber fell behind). */
export class ServiceUnavailableError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message, extensions);
  }
}
