import { useState } from 'react';
import { useDescribeFeedEvent, useLiveFeed, type LiveFeed } from './useLiveFeed';
import { ProgrammeEventsDocument, ProgrammeOrganizationEventsDocument } from '../generated/graphql';
import type { ProgrammeEventFieldsFragment } from '../generated/graphql';

export type ProgrammeEvents = LiveFeed;

function concernsProgrammes(event: ProgrammeEventFieldsFragment): boolean {
  return event.type.startsWith('programme.') || event.type.startsWith('programmeItem.');
}

/** The programme an event is about: its subject, or the item's programme. */
function programmeOf(event: ProgrammeEventFieldsFragment): string | undefined {
  const subject = event.subject;
  if (!subject) return undefined;
  if (subject.__typename === 'WorkProgramme' && 'id' in subject) return subject.id;
  if (subject.__typename === 'ProgrammeItem' && 'programme' in subject) return subject.programme.id;
  return undefined;
}

/** Every programme the viewer may see, for the list: `reload` reads it again, once per burst. */
export function useProgrammeListEvents(reload: () => void): ProgrammeEvents {
  const describe = useDescribeFeedEvent('programme');
  return useLiveFeed(
    ProgrammeOrganizationEventsDocument,
    {},
    { concerns: concernsProgrammes, describe, reload, what: 'programmes' },
  );
}

/**
 * One programme, while its page is open: its own scope (the office's edits) and, from the organization's feed,
 * the changes of its items made elsewhere (a proposal's adoption marks them adopted in the proposal's scope).
 * Both feeds carry the office's edits; `reload` is called once per burst either way, and both announce in the
 * same live region.
 */
export function useProgrammeEvents(programmeId: string, reload: () => void): ProgrammeEvents {
  const [announcement, announce] = useState('');
  const describe = useDescribeFeedEvent('programme');
  const own = useLiveFeed(
    ProgrammeEventsDocument,
    { id: programmeId },
    { concerns: concernsProgrammes, describe, reload, what: 'programmes', announce },
  );
  const elsewhere = useLiveFeed(
    ProgrammeOrganizationEventsDocument,
    {},
    {
      concerns: (event) => concernsProgrammes(event) && programmeOf(event) === programmeId,
      describe,
      reload,
      what: 'programmes',
      announce,
    },
  );
  return {
    announcement,
    error: own.error ?? elsewhere.error,
    restart: () => {
      own.restart();
      elsewhere.restart();
    },
  };
}
