// English texts of a meeting's minutes; the same keys as minutes.vi.ts.
import type { MinutesMessages } from './minutes.vi';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const minutesEn: Messages<MinutesMessages> = {
  minutes: {
    heading: 'Minutes',
    open: 'Open the minutes',
    close: 'Collapse the minutes',
    loading: 'Opening the minutes…',
    loadError: 'The minutes editor could not be opened.',
    intro:
      'The minutes start from the agenda; the secretaries and the office write them together during the meeting.',
    mode: {
      edit: 'You are writing the minutes together. Every change is saved and shown to the others at once.',
      writing: 'The secretaries are writing the minutes; you can read and follow them live, not change them.',
      locked: 'The meeting is closed: the minutes are locked and read only for everyone.',
      notYet: 'The minutes are written once the meeting is scheduled or in progress.',
    },
    summary: {
      edit: 'You may write these minutes.',
      read: 'You can read the minutes; the secretaries and the office write them.',
      updated: 'Last saved {{time}}.',
    },
    versions: {
      toggle: 'Versions',
      heading: 'Versions of the minutes',
      current: 'The minutes now',
      restoreConfirm:
        'Restore the minutes to the version “{{label}}”? The minutes as they are now are saved first.',
    },
    downloads: {
      label: 'Download the minutes',
      docx: 'Download DOCX',
      pdf: 'Download PDF',
      busy: 'Downloading…',
      unavailable: 'The server does not offer the minutes in this form yet.',
    },
    editor: {
      heading: 'Text of the minutes',
      connecting: 'Opening the minutes…',
      syncing: 'Synchronising the minutes…',
      disconnected:
        'Connection lost, reconnecting… What you type is kept on this device and sent once connected.',
      saving: 'Saving…',
      saved: 'Saved; writing together',
      readOnly: 'Read only',
      together: 'Also in the minutes',
      empty: 'The minutes are empty.',
      unsynced: 'Not yet synced: your changes are kept on this device and sent once connected',
      refused: {
        FORBIDDEN: 'You may not read these minutes.',
        NOT_FOUND: 'The minutes could not be opened: the meeting does not exist or you may not read it.',
        UNAUTHENTICATED: 'Your session has expired. Please sign in again.',
      },
    },
  },
};
