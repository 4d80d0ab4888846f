// What the programme screens bring with them when first loaded: how the cache keeps a programme's derived
// figures and the list's pages. (Their texts are in the main bundle: the header names the section.)
import { relayStylePagination } from '@apollo/client/utilities';
import { cache } from '../../apollo/client';

const replace = { merge: (_existing: unknown, incoming: unknown) => incoming };

cache.policies.addTypePolicies({
  // Each answer holds the whole list and the figures computed from it: the newer replaces the older.
  WorkProgramme: { fields: { items: replace, progressByMonth: replace, progressByUnit: replace } },
  // Read in parts (the session's createMeeting, the programmes' createProgramme): one object, merged.
  ViewerAbilities: { merge: true },
  Query: { fields: { programmes: relayStylePagination() } },
});
