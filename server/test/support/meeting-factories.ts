import {
  AgendaItemStatus,
  AppraisalStatus,
  Attendance,
  MeetingKind,
  MeetingStatus,
  MembershipRole,
  type ParticipantRole,
  ProposalKind,
  ProposalStatus,
  type Classification,
} from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { generateNKeysBetween } from 'fractional-indexing';
import {
  AgendaItem,
  Appraisal,
  AppraisalComment,
  Meeting,
  type Organization,
  Participant,
  Proposal,
  type Unit,
  type User,
} from '../../src/entities/index.js';
import { buildOrganization, buildUser } from './factories.js';

/** A tenant with an office clerk (who manages meetings) and a department member (who does not). */
export async function buildMeetingTenant(em: EntityManager) {
  const org = await buildOrganization(em);
  const office = await buildUser(em, org.organization, { unit: org.office, role: MembershipRole.STAFF });
  const member = await buildUser(em, org.organization, { unit: org.department, role: MembershipRole.MEMBER });
  return { ...org, officeUnit: org.office, office, member };
}

export interface MeetingOptions {
  title?: string;
  status?: MeetingStatus;
  isTemplate?: boolean;
  classification?: Classification;
  startsAt?: Date;
  endsAt?: Date;
}

export async function buildMeetingIn(
  em: EntityManager,
  organization: Organization,
  committee: Unit,
  options: MeetingOptions = {},
): Promise<Meeting> {
  const meeting = em.create(Meeting, {
    organization,
    committee,
    title: options.title ?? 'Hội nghị Ban Thường vụ',
    kind: MeetingKind.REGULAR,
    status: options.status ?? MeetingStatus.DRAFT,
    startsAt: options.startsAt ?? new Date('2026-12-01T01:00:00Z'),
    endsAt: options.endsAt ?? null,
    isTemplate: options.isTemplate ?? false,
    ...(options.classification ? { classification: options.classification } : {}),
  });
  await em.flush();
  return meeting;
}

export interface ItemSpec {
  title: string;
  durationMinutes?: number;
  status?: AgendaItemStatus;
  presenterUser?: User;
  presenterUnit?: Unit;
  proposal?: Proposal;
  children?: ItemSpec[];
}

/** Builds an agenda tree in order; returns the items depth first. */
export async function buildAgendaItems(
  em: EntityManager,
  meeting: Meeting,
  specs: ItemSpec[],
  parent?: AgendaItem,
): Promise<AgendaItem[]> {
  const keys = generateNKeysBetween(null, null, specs.length);
  const built: AgendaItem[] = [];
  for (const [index, spec] of specs.entries()) {
    const item = em.create(AgendaItem, {
      meeting,
      ...(parent ? { parent } : {}),
      position: keys[index]!,
      title: spec.title,
      durationMinutes: spec.durationMinutes ?? null,
      status: spec.status ?? AgendaItemStatus.PENDING,
      presenterUser: spec.presenterUser ?? null,
      presenterUnit: spec.presenterUnit ?? null,
      proposal: spec.proposal ?? null,
    });
    built.push(item);
    if (spec.children) built.push(...(await buildAgendaItems(em, meeting, spec.children, item)));
  }
  await em.flush();
  return built;
}

export async function buildParticipants(
  em: EntityManager,
  meeting: Meeting,
  entries: { user: User; role: ParticipantRole; attendance?: Attendance }[],
): Promise<Participant[]> {
  const participants = entries.map((entry) =>
    em.create(Participant, {
      meeting,
      user: entry.user,
      role: entry.role,
      attendance: entry.attendance ?? Attendance.UNKNOWN,
    }),
  );
  await em.flush();
  return participants;
}

/** A proposal of `leadUnit` with one appraisal round carrying `comments` comments, each by its own author. */
export async function buildProposalWithAppraisal(
  em: EntityManager,
  organization: Organization,
  leadUnit: Unit,
  owner: User,
  options: {
    comments?: number;
    commentAuthors?: User[];
    appraisalStatus?: AppraisalStatus;
    status?: ProposalStatus;
  } = {},
): Promise<Proposal> {
  const proposal = em.create(Proposal, {
    organization,
    title: 'Đề án',
    kind: ProposalKind.PROPOSAL,
    leadUnit,
    owner,
    status: options.status ?? ProposalStatus.IN_APPRAISAL,
  });
  const appraisal = em.create(Appraisal, {
    proposal,
    requestedBy: owner,
    dueAt: new Date('2026-11-30T10:00:00Z'),
    status: options.appraisalStatus ?? AppraisalStatus.OPEN,
  });
  const authors = options.commentAuthors ?? [owner];
  for (let i = 0; i < (options.comments ?? 0); i++) {
    em.create(AppraisalComment, {
      appraisal,
      author: authors[i % authors.length]!,
      unit: leadUnit,
      body: `Góp ý ${i + 1}`,
    });
  }
  await em.flush();
  return proposal;
}
