import { ParticipantRole } from '@quorum/shared';
import DataLoader from 'dataloader';
import { Args, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { minutesAccess, minutesLocked } from '../collab/collab.policy.js';
import { readMinutes, type StoredMinutes } from '../collab/minutes.js';
import type { Context } from '../context.js';
import { type DocumentVersion, Meeting } from '../entities/index.js';
import { requireViewer } from '../policies/viewer.policy.js';
import type { Row, Rows } from '../read/rows.js';
import { DateTime } from '../scalars/date-time.js';
import { DocumentVersionConnection } from './proposal.resolver.js';
import { PageArgs, pageOf, type ConnectionShape } from './types/connection.js';

@ObjectType({
  simpleResolvers: true,
  description:
    "A meeting's minutes, co-edited over /collab as `meeting:<id>:minutes`; downloads at " +
    '/meetings/<id>/minutes.docx and minutes.pdf.',
})
export class MeetingMinutes {
  @Field(() => String, { description: 'Plain text, one line per block, as last stored.' })
  text!: string;

  @Field(() => DateTime, { description: 'When the minutes were last stored.' })
  updatedAt!: Date;

  @Field(() => Boolean, {
    description:
      'Whether the viewer may write them now (a secretary of the meeting or the office), and so keep and restore their versions.',
  })
  viewerCanEdit!: boolean;

  @Field(() => Boolean, {
    description: 'Closed or cancelled meeting: the minutes are read-only for everyone.',
  })
  locked!: boolean;
}

/** One batch of minutes reads per operation. */
const loaders = new WeakMap<Rows, DataLoader<string, StoredMinutes | null>>();

@Resolver(() => Meeting)
export class MeetingMinutesResolver {
  @FieldResolver(() => MeetingMinutes, {
    nullable: true,
    description: 'The minutes, once first stored; null before (the editor then opens them from the agenda).',
  })
  async minutes(
    @Root() meeting: Row<Meeting>,
    @Ctx() { em, rows, viewer }: Context,
  ): Promise<MeetingMinutes | null> {
    const v = requireViewer(viewer);
    if (meeting.isTemplate) return null;
    let loader = loaders.get(rows);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = await readMinutes(em.fork(), ids);
        return ids.map((id) => found.get(id) ?? null);
      });
      loaders.set(rows, loader);
    }
    const stored = await loader.load(meeting.id);
    if (!stored) return null;
    const participants = await rows.collection(Meeting, 'participants', meeting.id);
    const secretaries = new Set(
      participants.filter((p) => p.role === ParticipantRole.SECRETARY).map((p) => p.user.id),
    );
    return {
      text: stored.text,
      updatedAt: stored.updatedAt,
      viewerCanEdit: minutesAccess(v, meeting, secretaries) === 'edit',
      locked: minutesLocked(meeting),
    };
  }

  @FieldResolver(() => DocumentVersionConnection, {
    description:
      'Versions of its minutes, newest first: kept by hand, at its close, and before a restore (`createDocumentVersion` with `meetingId`).',
  })
  minutesVersions(
    @Root() meeting: Row<Meeting>,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows }: Context,
  ): ConnectionShape<Row<DocumentVersion>> | Promise<ConnectionShape<Row<DocumentVersion>>> {
    return pageOf(rows.collection(Meeting, 'minutesVersions', meeting.id), page);
  }
}
