// What the proposal screens bring with them when they are first loaded (they are a chunk of their own, so the
// first page of a session does not carry them): their texts, and how the cache keeps rounds and comments.
import { cache } from '../../apollo/client';
import { registerProposalTypePolicies } from '../../apollo/proposal-cache';
import { i18n } from '../../i18n';
import { proposalsEn } from '../../i18n/proposals.en';
import { proposalsVi } from '../../i18n/proposals.vi';

i18n.addResourceBundle('vi', 'translation', proposalsVi, true, false);
i18n.addResourceBundle('en', 'translation', proposalsEn, true, false);
registerProposalTypePolicies(cache);
