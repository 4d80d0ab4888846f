// Why the login page is showing: a session that ended by itself (the account was deactivated,
// the session revoked elsewhere or expired) is explained there; signing out on purpose is not.
// Noted just before the token is dropped, cleared when the user signs in again.

let ended = false;

export function noteSessionEnded(): void {
  ended = true;
}

export function sessionEnded(): boolean {
  return ended;
}

export function clearSessionEnded(): void {
  ended = false;
}
