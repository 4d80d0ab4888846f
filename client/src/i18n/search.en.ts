// English texts of search; the same keys as search.vi.ts.
import type { SearchMessages } from './search.vi';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const searchEn: Messages<SearchMessages> = {
  search: {
    label: 'Search',
    placeholder: 'Search… (/)',
    hint: 'Press / to search',
    submit: 'Search',
    heading: 'Search',
    headingFor: 'Results for “{{query}}”',
    prompt:
      'Type words to find meetings, agenda items, proposals, comments and tasks. Diacritics are optional.',
    empty: 'Nothing found for “{{query}}”.',
    emptyHint: 'Try other or fewer words.',
    loadError: 'The search results could not be loaded.',
    total: '{{count}} results found',
    more: 'More results',
    inMeeting: 'Meeting: {{title}}',
    onProposal: 'Comment on: {{title}}',
    kinds: {
      MEETING: 'Meetings',
      AGENDA_ITEM: 'Agenda items',
      PROPOSAL: 'Proposals',
      COMMENT: 'Appraisal comments',
      TASK: 'Tasks',
    },
    groupCount: '{{kind}} ({{count}})',
  },
};
