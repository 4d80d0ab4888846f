import { ApiTokenScope, mentionedUserIds, mentionsMax } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { loadViewer, type Viewer } from '../auth/viewer.js';
import type { Appraisal, AppraisalComment, Proposal } from '../entities/index.js';
import { User } from '../entities/index.js';
import { BadInputError } from '../errors.js';
import { appraisalPolicy } from '../policies/appraisal.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';

/** Refuses a comment that mentions more users than one comment may (before anything is written). */
export function checkMentions(body: string): void {
  if (mentionedUserIds(body).length > mentionsMax)
    throw new BadInputError('body', `A comment mentions at most ${mentionsMax} people`);
}

/**
 * The users a comment mentions (`@[Name](user:<id>)`, packages/shared/src/mentions.ts) who may read it: active
 * users of the organization who may read the proposal and, where the round does not share its comments, the
 * comment too. Anyone else is left out, not refused: a mention is text, and naming a stranger tells nothing.
 * The author is left out as well.
 */
export async function mentionedReaders(
  em: EntityManager,
  viewer: Viewer,
  round: { proposal: Proposal; appraisal: Appraisal },
  comment: AppraisalComment,
): Promise<string[]> {
  const ids = mentionedUserIds(comment.body).filter((id) => id !== viewer.userId);
  if (ids.length === 0) return [];
  const users = await em.find(User, { id: { $in: ids }, organization: viewer.organizationId, active: true });
  const readers: string[] = [];
  for (const user of users) {
    // The user as the policies see them, whatever they sign in with (the credential names no real one: it
    // serves signing out, never a policy).
    const reader = await loadViewer(em, user, { kind: 'session', id: '' }, [ApiTokenScope.READ]);
    if (
      proposalPolicy.canRead(reader, round.proposal) &&
      appraisalPolicy.canReadComment(reader, round.proposal, round.appraisal, comment)
    )
      readers.push(user.id);
  }
  return readers;
}
