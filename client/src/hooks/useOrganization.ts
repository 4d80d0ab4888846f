import { createContext, useContext } from 'react';
import { DEFAULT_TIME_ZONE } from '../i18n/format';
import type { ViewerQuery } from '../generated/graphql';

export interface SessionContextValue {
  viewer: NonNullable<ViewerQuery['viewer']>;
  organization: ViewerQuery['organization'];
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionContext outside <SessionContext>');
  return value;
}

/** The zone every date is shown and entered in: the organization's, not the browser's. */
export function useTimeZone(): string {
  return useContext(SessionContext)?.organization.timeZone || DEFAULT_TIME_ZONE;
}
