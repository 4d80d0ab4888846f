import { useSyncExternalStore } from 'react';
import { getSessionToken, subscribeSession } from '../apollo/client';

/** The session token the UI runs under (null when signed out). */
export function useSessionToken(): string | null {
  return useSyncExternalStore(subscribeSession, getSessionToken);
}
