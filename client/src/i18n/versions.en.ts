// English texts of the versions of a co-edited document; the same keys as versions.vi.ts.
import type { VersionsMessages } from './versions.vi';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const versionsEn: Messages<VersionsMessages> = {
  versions: {
    loadError: 'The versions could not be loaded.',
    empty: 'No version saved yet.',
    label: 'Version name',
    labelRequired: 'Please name the version.',
    create: 'Save version',
    kind: 'Kind',
    kinds: {
      MANUAL: 'Saved by hand',
      RESTORE_POINT: 'Before a restore',
      STATUS_CHANGE: 'At a status change',
    },
    author: 'Saved by',
    createdAt: 'When',
    from: 'Compare version',
    to: 'with',
    compare: 'Compare',
    diffSummary: '{{added}} characters added, {{removed}} removed.',
    diffUnavailable: 'These two versions cannot be compared.',
    same: 'The two are the same.',
    addedMark: '[added: ]',
    removedMark: '[removed: ]',
    restore: 'Restore',
    restoreYes: 'Restore',
  },
};
