import type { ErrorLike } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { SystemRole } from '@quorum/shared';
import { ViewerRoleDocument } from '../generated/graphql';

/** Whether the viewer is a system administrator: the header's admin link, the admin pages. */
export function useViewerRole(): {
  isAdmin: boolean;
  loading: boolean;
  error: ErrorLike | undefined;
  refetch: () => void;
} {
  const { data, loading, error, refetch } = useQuery(ViewerRoleDocument);
  return {
    isAdmin: data?.viewer?.systemRole === SystemRole.ADMIN,
    loading: loading && !data,
    error,
    refetch: () => void refetch().catch(() => undefined),
  };
}
