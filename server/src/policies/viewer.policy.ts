import { ApiTokenScope } from '@quorum/shared';
import type { Viewer } from '../auth/viewer.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';

/** Every resolver starts here: anonymous viewers are refused before anything is loaded. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
}

/** A write needs the WRITE scope (sessions have it; a read-only API token never does). */
export function canWrite(viewer: Viewer): boolean {
  return viewer.scopes.has(ApiTokenScope.WRITE);
}

export function requireWriter(viewer: Viewer | null): Viewer {
  const v = requireViewer(viewer);
  if (!canWrite(v)) throw new ForbiddenError('This token may only read');
  return v;
}

export function authorize(allowed: boolean, message?: string): void {
  if (!allowed) throw new ForbiddenError(message);
}
