import { useSyncExternalStore } from 'react';
import { getConnectionState, subscribeConnectionState } from '../apollo/connection';
import type { ConnectionState } from '../apollo/connection';

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribeConnectionState, getConnectionState);
}
