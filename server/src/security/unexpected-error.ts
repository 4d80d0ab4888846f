// A database's SQLSTATE, or a system error's code (EPIPE): a class of failure, never data.
const errorCode = /^[0-9A-Z]{5}$/;

/**
 * Logs an error no one anticipated with only what cannot carry data: the request id, the error's class and
 * its code. Never the message, the parameters or the stack: a database error's message holds the SQL with
 * its parameters (ids of the organization, text the user typed), and its stack repeats the message.
 */
export function logUnexpectedError(
  requestId: string | undefined,
  error: unknown,
  what = 'unexpected error',
): void {
  const name = error instanceof Error ? error.name : typeof error;
  const code = error instanceof Object && 'code' in error ? error.code : undefined;
  const suffix = typeof code === 'string' && errorCode.test(code) ? ` (code ${code})` : '';
  console.error(`[${requestId ?? '-'}] ${what}: ${name}${suffix}`);
}
