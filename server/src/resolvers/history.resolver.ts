import { limits, SubjectType } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Event } from '../entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { visibleChanges } from '../policies/event.policy.js';
import { loadSubject, loadSubjects, mayReadSubject, type Subject } from '../policies/subject.policy.js';
import { requireViewer } from '../policies/viewer.policy.js';
import { pageSize } from './types/connection.js';
import { ChangeEventPage } from './types/change-event.type.js';

/** The kinds of object a history is asked of, the likeliest first. */
const kinds: readonly SubjectType[] = [
  SubjectType.PROPOSAL,
  SubjectType.MEETING,
  SubjectType.APPRAISAL,
  SubjectType.AGENDA_ITEM,
  SubjectType.TASK,
  SubjectType.PROGRAMME_ITEM,
  SubjectType.PROGRAMME,
  SubjectType.UNIT,
  SubjectType.USER,
  SubjectType.ORGANIZATION,
];

/**
 * The object an id names (ids are UUIDs, unique across tables), looked up by primary key in each kind's
 * table in turn, and its kind; null when it is nothing, or gone.
 */
async function objectOf(
  em: EntityManager,
  id: string,
): Promise<{ type: SubjectType; subject: Subject } | null> {
  for (const type of kinds) {
    const subject = await loadSubject(em, type, id);
    if (subject) return { type, subject };
  }
  return null;
}

/** Event sequence numbers are PostgreSQL bigints. */
const maxSeq = 2n ** 63n - 1n;

@Resolver()
export class HistoryResolver {
  @Query(() => ChangeEventPage, {
    description:
      "An object's timeline from the event trail, most recent first: who changed what and when, each field before and after. A meeting's includes its agenda items, a proposal's its appraisal rounds. `after` (a cursor of this list) continues with older changes. NOT_FOUND for what the viewer may not read.",
  })
  async history(
    @Arg('subjectId', () => ID, {
      description:
        'The object: a proposal, meeting, appraisal, agenda item, task, programme item, work programme, unit, user or the organization.',
    })
    subjectId: string,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Page size, at most ${limits.pageSizeMax}; default ${limits.pageSizeDefault}.`,
    })
    first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'A `cursor` of this list: continues with the changes older than it.',
    })
    after: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<ChangeEventPage> {
    const viewer = requireViewer(ctx.viewer);
    if (after !== undefined && after !== null && !(/^\d{1,19}$/.test(after) && BigInt(after) <= maxSeq))
      throw new BadInputError('after', 'The cursor "after" is not valid');
    const size = pageSize(first);
    const em = ctx.em.fork();
    const found = await objectOf(em, subjectId);
    if (!found || !mayReadSubject(viewer, found.subject)) throw new NotFoundError('Subject', subjectId);
    const { type, subject } = found;

    const events = await em.find(
      Event,
      {
        organization: viewer.organizationId,
        auditOnly: false,
        $or: [
          { subjectType: type, subjectId },
          { scopeType: type, scopeId: subjectId },
        ],
        ...(after ? { seq: { $lt: after } } : {}),
      },
      { orderBy: { seq: 'desc' }, limit: size + 1, populate: ['actor'] },
    );
    const page = events.slice(0, size);
    const subjects = await loadSubjects(em, page);
    const visible = page.flatMap((event) => {
      const own = subjects.get(`${event.subjectType}:${event.subjectId}`) ?? null;
      // A part of the object that is gone (a removed agenda item) stays in its timeline, without itself.
      if (own && !mayReadSubject(viewer, own)) return [];
      return [
        {
          cursor: event.seq,
          type: event.type,
          occurredAt: event.occurredAt,
          actor: event.actor?.getEntity() ?? null,
          changes: visibleChanges(event, own ?? subject),
          subject: own,
        },
      ];
    });
    return {
      events: visible,
      pageInfo: {
        hasNextPage: events.length > size,
        hasPreviousPage: after !== undefined && after !== null,
        startCursor: page[0]?.seq ?? null,
        endCursor: page.at(-1)?.seq ?? null,
      },
    };
  }
}
