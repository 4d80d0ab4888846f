// Seeds the demo organization (a provincial Party committee office) from `demo-data.ts`. Every date is computed
// from `options.now`, so the demo always looks current: briefings of the last three months, a standing board
// meeting last month, a plenary in the coming weeks, tasks due last week and next week.
import { ref, type EntityManager } from '@mikro-orm/core';
import { generateNKeysBetween } from 'fractional-indexing';
import {
  AgendaItem,
  Appraisal,
  AppraisalAssignment,
  AppraisalComment,
  DocumentVersion,
  Meeting,
  Membership,
  Organization,
  Participant,
  ProgrammeItem,
  Proposal,
  Task,
  TaskUpdate,
  Unit,
  User,
  Vote,
  WorkProgramme,
} from '../entities/index.js';
import {
  AgendaItemStatus,
  AppraisalStatus,
  Attendance,
  Classification,
  CommentStatus,
  MeetingStatus,
  ParticipantRole,
  ProgrammeItemStatus,
  ProposalStatus,
  SystemRole,
  TaskStatus,
} from '../entities/enums.js';
import {
  MEETINGS,
  ORGANIZATION,
  PROPOSALS,
  TASKS,
  UNITS,
  USER_SPECS,
  fillText,
  type AgendaSpec,
  type AppraisalSpec,
  type MeetingKey,
  type MeetingSpec,
  type ProposalKey,
  type ProposalSpec,
  type TextContext,
  type UnitKey,
  type UserKey,
} from './demo-data.js';

export interface SeedDemoOptions {
  /** One hash of the demo password, shared by every demo account. */
  passwordHash: string;
  /** The moment the demo is seeded; every date is relative to it. */
  now: Date;
}

// ---------------------------------------------------------------------------------------------------------------
// Time: the organization's calendar is Asia/Ho_Chi_Minh, UTC+7 all year (no daylight saving time).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LOCAL_OFFSET = 7 * HOUR;

/** A calendar day in local time; `month` is 1–12. */
interface LocalDay {
  year: number;
  month: number;
  day: number;
}

function localDayOf(instant: Date): LocalDay {
  const shifted = new Date(instant.getTime() + LOCAL_OFFSET);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Normalises overflowing months and days (`{ month: 0 }` is December of the year before). */
function makeDay(year: number, month: number, day: number): LocalDay {
  const date = new Date(Date.UTC(year, month - 1, day));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const addDays = (day: LocalDay, days: number): LocalDay => makeDay(day.year, day.month, day.day + days);
const weekday = (day: LocalDay): number => new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
const sameDay = (a: LocalDay, b: LocalDay): boolean =>
  a.year === b.year && a.month === b.month && a.day === b.day;

/** Moves a Saturday or Sunday to the nearest working day in the given direction. */
function workday(day: LocalDay, direction: 1 | -1): LocalDay {
  let result = day;
  while (weekday(result) === 0 || weekday(result) === 6) result = addDays(result, direction);
  return result;
}

/** The instant of a local wall-clock time. */
const at = (day: LocalDay, hour: number, minute = 0): Date =>
  new Date(Date.UTC(day.year, day.month - 1, day.day, hour, minute) - LOCAL_OFFSET);

const formatDay = (day: LocalDay): string =>
  `${String(day.day).padStart(2, '0')}/${String(day.month).padStart(2, '0')}/${day.year}`;

class Clock {
  readonly today: LocalDay;

  constructor(readonly now: Date) {
    this.today = localDayOf(now);
  }

  daysAgo(days: number): Date {
    return new Date(this.now.getTime() - days * DAY);
  }

  /** Due at the end of the working day (17:00 local), `days` from today. */
  dueIn(days: number): Date {
    return at(addDays(this.today, days), 17);
  }

  /** A working day `offset` days from today at a local time; weekends move away from today. */
  dayAt(offset: number, hour: number, minute = 0): Date {
    return at(workday(addDays(this.today, offset), offset < 0 ? -1 : 1), hour, minute);
  }

  /** A point between two instants (`t` = 0 … 1). */
  between(from: Date, to: Date, t: number): Date {
    return new Date(from.getTime() + (to.getTime() - from.getTime()) * t);
  }

  /** `hours` after `base`, but never later than halfway between `base` and now. */
  soonAfter(base: Date, hours: number): Date {
    return new Date(Math.min(base.getTime() + hours * HOUR, this.between(base, this.now, 0.5).getTime()));
  }

  earlier(a: Date, b: Date): Date {
    return a.getTime() <= b.getTime() ? a : b;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The meetings' calendar

interface MeetingPlan {
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Monthly briefings are held around the 26th: the three that have ended are closed, the next one is scheduled.
 */
function planBriefings(
  clock: Clock,
  busyMornings: LocalDay[],
): Record<'briefing1' | 'briefing2' | 'briefing3' | 'briefingNext', MeetingPlan> {
  const plans: MeetingPlan[] = [];
  for (let offset = -4; offset <= 2; offset++) {
    const day = workday(makeDay(clock.today.year, clock.today.month + offset, 26), -1);
    // A morning already taken by a plenary or a standing board meeting moves the briefing to the afternoon.
    const afternoon = busyMornings.some((busy) => sameDay(busy, day));
    plans.push({
      status: MeetingStatus.CLOSED,
      startsAt: at(day, afternoon ? 14 : 8),
      endsAt: at(day, afternoon ? 17 : 11),
    });
  }
  const ended = plans.filter((plan) => plan.endsAt.getTime() <= clock.now.getTime()).slice(-3);
  const next = plans.find((plan) => plan.endsAt.getTime() > clock.now.getTime());
  if (ended.length < 3 || !next) throw new Error('briefing calendar: not enough months');
  return {
    briefing1: ended[0]!,
    briefing2: ended[1]!,
    briefing3: ended[2]!,
    // Stays SCHEDULED even if its start time has just passed: only the office opens a meeting, never the seeder.
    briefingNext: { ...next, status: MeetingStatus.SCHEDULED },
  };
}

function planMeetings(clock: Clock): Record<MeetingKey, MeetingPlan> {
  const span = (startsAt: Date, hours: number, status: MeetingStatus): MeetingPlan => ({
    status,
    startsAt,
    endsAt: new Date(startsAt.getTime() + hours * HOUR),
  });
  // Last month's regular standing board meeting, mid-month.
  const lastMonth = workday(makeDay(clock.today.year, clock.today.month - 1, 15), -1);
  const plenary = span(clock.dayAt(13, 7, 30), 4, MeetingStatus.SCHEDULED);
  const draft = span(clock.dayAt(33, 7, 30), 4, MeetingStatus.DRAFT);
  return {
    ...planBriefings(clock, [localDayOf(plenary.startsAt), localDayOf(draft.startsAt)]),
    bchPlenary: plenary,
    btvRegular: span(at(lastMonth, 7, 30), 4, MeetingStatus.CLOSED),
    btvExtraordinary: span(clock.dayAt(-8, 14), 3, MeetingStatus.CLOSED),
    btvCancelled: span(clock.dayAt(2, 14), 2.5, MeetingStatus.CANCELLED),
    btvRestricted: span(clock.dayAt(5, 14), 3.5, MeetingStatus.SCHEDULED),
    btvDraft: draft,
  };
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Creates the demo organization with its units, users, programme, proposals, appraisals, meetings and tasks.
 * Everything is created in the given EntityManager and written by one flush; the caller owns the transaction.
 */
export async function seedDemo(
  em: EntityManager,
  options: SeedDemoOptions,
): Promise<{ organization: Organization }> {
  const clock = new Clock(options.now);
  const year = options.now.getFullYear();
  const plans = planMeetings(clock);
  const setupAt = clock.earlier(at(makeDay(year - 1, 11, 20), 9), clock.daysAgo(60));

  const btvRegularDay = localDayOf(plans.btvRegular.startsAt);
  const baseContext: TextContext = {
    year,
    nextYear: year + 1,
    hcmYears: year - 1890,
    btvRegularDate: formatDay(btvRegularDay),
  };
  const text = (value: string, context: TextContext = baseContext): string => fillText(value, context);

  // --- Organization, units, users, memberships ---------------------------------------------------------------

  const organization = em.create(Organization, {
    name: ORGANIZATION.name,
    slug: ORGANIZATION.slug,
    locale: ORGANIZATION.locale,
    timeZone: ORGANIZATION.timeZone,
    createdAt: setupAt,
    updatedAt: setupAt,
  });

  const units = {} as Record<UnitKey, Unit>;
  for (const key of Object.keys(UNITS) as UnitKey[]) {
    const spec = UNITS[key];
    units[key] = em.create(Unit, {
      organization,
      name: spec.name,
      shortName: spec.shortName,
      kind: spec.kind,
      ...(spec.parent ? { parent: units[spec.parent] } : {}),
      createdAt: setupAt,
      updatedAt: setupAt,
    });
  }

  const users = {} as Record<UserKey, User>;
  for (const key of Object.keys(USER_SPECS) as UserKey[]) {
    const spec = USER_SPECS[key];
    const user = em.create(User, {
      organization,
      email: spec.email,
      passwordHash: options.passwordHash,
      fullName: spec.fullName,
      jobTitle: spec.jobTitle,
      locale: 'vi',
      systemRole: spec.systemRole ?? SystemRole.MEMBER,
      active: spec.active ?? true,
      createdAt: setupAt,
      updatedAt: setupAt,
    });
    users[key] = user;
    for (const [unitKey, role] of spec.memberships) {
      em.create(Membership, { user, unit: units[unitKey], role, createdAt: setupAt, updatedAt: setupAt });
    }
  }

  // --- Meetings, participants, agendas, votes ----------------------------------------------------------------

  const meetings = {} as Record<MeetingKey, Meeting>;
  const agendaItems = new Map<string, AgendaItem>();
  /** Proposals are created before the agendas link them; see below. */
  const proposals = {} as Record<ProposalKey, Proposal>;

  const meetingContext = (startsAt: Date, key: MeetingKey): TextContext => {
    const day = localDayOf(startsAt);
    const following = makeDay(day.year, day.month + 1, 1);
    return {
      ...baseContext,
      month: day.month,
      monthYear: day.year,
      followingMonth: following.month,
      followingMonthYear: following.year,
      ...(key === 'bchPlenary'
        ? { plenaryNumber: Math.max(2, (day.year - 2025) * 4 + Math.ceil(day.month / 3)) }
        : {}),
    };
  };

  // --- Proposals, versions, appraisals -------------------------------------------------------------------------

  const proposalKeys = Object.keys(PROPOSALS) as ProposalKey[];
  const proposalSpecs: Record<ProposalKey, ProposalSpec> = PROPOSALS;
  let adoptedIndex = 0;
  for (const key of proposalKeys) {
    const spec = proposalSpecs[key];
    const meetingPlan = spec.meeting ? plans[spec.meeting] : undefined;
    // The instant that `…DaysAgo` counts back from.
    const anchor = spec.relativeToMeeting && meetingPlan ? meetingPlan.startsAt : clock.now;
    const back = (days: number): Date => new Date(anchor.getTime() - days * DAY);

    let createdAt: Date;
    let submittedAt: Date | undefined;
    let updatedAt: Date;
    if (spec.status === ProposalStatus.ADOPTED) {
      // Adopted at its meeting, or around the 20th of its planned month (never later than a few days ago).
      const month = spec.programme?.month;
      const planned = typeof month === 'number' ? at(makeDay(year, month, 20), 9) : clock.now;
      const adoptedAt = meetingPlan
        ? meetingPlan.startsAt
        : clock.earlier(planned, clock.daysAgo(3 + adoptedIndex * 2));
      adoptedIndex++;
      submittedAt = new Date(adoptedAt.getTime() - 10 * DAY);
      createdAt = new Date(submittedAt.getTime() - 35 * DAY);
      updatedAt = meetingPlan ? meetingPlan.endsAt : adoptedAt;
    } else {
      createdAt = back(spec.createdDaysAgo ?? 20);
      submittedAt = spec.submittedDaysAgo === undefined ? undefined : back(spec.submittedDaysAgo);
      updatedAt = submittedAt ?? createdAt;
    }

    const body = text(spec.body);
    const versionTimes = (spec.versions ?? []).map((version) => back(version.daysAgo));
    for (const time of versionTimes) if (time > updatedAt) updatedAt = time;
    if (spec.status === ProposalStatus.RETURNED && meetingPlan) updatedAt = meetingPlan.endsAt;

    const proposal = em.create(Proposal, {
      organization,
      ...(spec.referenceNumber ? { referenceNumber: spec.referenceNumber } : {}),
      title: text(spec.title),
      summary: text(spec.summary),
      kind: spec.kind,
      leadUnit: units[spec.leadUnit],
      owner: users[spec.owner],
      classification: spec.classification,
      status: spec.status,
      ...(spec.returnReason ? { returnReason: text(spec.returnReason) } : {}),
      bodyText: body,
      ...(submittedAt ? { submittedAt } : {}),
      createdAt,
      updatedAt,
    });
    proposals[key] = proposal;

    (spec.versions ?? []).forEach((version, index) => {
      let content = body;
      for (const [current, earlier] of version.replace ?? []) content = content.replace(current, earlier);
      const versionAt = versionTimes[index]!;
      em.create(DocumentVersion, {
        proposal,
        label: version.label,
        author: users[version.author],
        content,
        createdAt: versionAt,
        updatedAt: versionAt,
      });
    });

    if (spec.appraisal) createAppraisal(proposal, spec.appraisal, back);
  }

  function createAppraisal(proposal: Proposal, spec: AppraisalSpec, back: (days: number) => Date): void {
    const requestedAt = back(spec.requestedDaysAgo);
    const dueAt = back(-spec.dueInDays);
    // Answers fall between the request and now, or the deadline for a closed round.
    const end = spec.status === AppraisalStatus.CLOSED ? clock.earlier(dueAt, clock.now) : clock.now;
    const when = (t: number): Date => clock.between(requestedAt, end, t);
    const appraisal = em.create(Appraisal, {
      proposal,
      requestedBy: users[spec.requestedBy],
      dueAt,
      status: spec.status,
      createdAt: requestedAt,
      updatedAt: spec.status === AppraisalStatus.CLOSED ? end : requestedAt,
    });
    for (const assignment of spec.assignments) {
      const submittedAt = assignment.submittedAt === undefined ? undefined : when(assignment.submittedAt);
      em.create(AppraisalAssignment, {
        appraisal,
        unit: units[assignment.unit],
        ...(assignment.reviewer ? { reviewer: users[assignment.reviewer] } : {}),
        verdict: assignment.verdict,
        ...(assignment.summary ? { summary: assignment.summary } : {}),
        ...(submittedAt ? { submittedAt } : {}),
        createdAt: requestedAt,
        updatedAt: submittedAt ?? requestedAt,
      });
    }
    const comments = new Map<string, { entity: AppraisalComment; resolvedBy: UserKey | undefined }>();
    for (const comment of spec.comments) {
      const parent = comment.replyTo ? comments.get(comment.replyTo) : undefined;
      if (comment.replyTo && !parent)
        throw new Error(`demo data: reply to unknown comment ${comment.replyTo}`);
      // A thread is resolved as a whole: replies share their root's status.
      const resolvedBy = comment.resolvedBy ?? parent?.resolvedBy;
      const writtenAt = when(comment.at);
      const entity = em.create(AppraisalComment, {
        appraisal,
        author: users[comment.author],
        unit: units[comment.unit],
        body: comment.body,
        ...(comment.anchorQuote ? { anchorQuote: comment.anchorQuote } : {}),
        ...(parent ? { parent: parent.entity } : {}),
        status: resolvedBy ? CommentStatus.RESOLVED : CommentStatus.OPEN,
        ...(resolvedBy ? { resolvedBy: users[resolvedBy] } : {}),
        createdAt: writtenAt,
        updatedAt: writtenAt,
      });
      comments.set(comment.key, { entity, resolvedBy });
    }
  }

  // --- Meetings -------------------------------------------------------------------------------------------------

  for (const key of Object.keys(MEETINGS) as MeetingKey[]) {
    const spec: MeetingSpec = MEETINGS[key];
    const plan = plans[key];
    const context = meetingContext(plan.startsAt, key);
    const closed = plan.status === MeetingStatus.CLOSED;
    const createdAt = clock.earlier(new Date(plan.startsAt.getTime() - 14 * DAY), clock.daysAgo(3));
    const meeting = em.create(Meeting, {
      organization,
      committee: units[spec.committee],
      title: text(spec.title, context),
      kind: spec.kind,
      status: plan.status,
      startsAt: plan.startsAt,
      endsAt: plan.endsAt,
      location: spec.location,
      classification: spec.classification,
      chair: users[spec.chair],
      secretary: users[spec.secretary],
      createdAt,
      updatedAt: closed ? clock.earlier(new Date(plan.endsAt.getTime() + 3 * HOUR), clock.now) : createdAt,
    });
    meetings[key] = meeting;

    // Participants: the chair, the members, the invitees and the secretaries, each once.
    const roster: [UserKey, ParticipantRole][] = [
      [spec.chair, ParticipantRole.CHAIR],
      ...spec.members.map((user): [UserKey, ParticipantRole] => [user, ParticipantRole.MEMBER]),
      ...spec.invitees.map((user): [UserKey, ParticipantRole] => [user, ParticipantRole.INVITEE]),
      [spec.secretary, ParticipantRole.SECRETARY],
      ...(spec.extraSecretaries ?? []).map((user): [UserKey, ParticipantRole] => [
        user,
        ParticipantRole.SECRETARY,
      ]),
    ];
    const seen = new Set<UserKey>();
    let voters = 0;
    roster.forEach(([userKey, role], index) => {
      if (seen.has(userKey)) return;
      seen.add(userKey);
      let attendance = Attendance.UNKNOWN;
      let materialsReadAt: Date | undefined;
      if (closed) {
        attendance = spec.attendance?.[userKey] ?? Attendance.PRESENT;
        if (attendance === Attendance.PRESENT) {
          materialsReadAt = new Date(plan.startsAt.getTime() - (1 + (index % 3)) * DAY + (index % 5) * HOUR);
          if (role === ParticipantRole.CHAIR || role === ParticipantRole.MEMBER) voters++;
        }
      } else if (plan.status === MeetingStatus.SCHEDULED && index % 3 !== 2) {
        // Materials were sent out when the meeting was scheduled; about two thirds have opened them.
        materialsReadAt = clock.between(createdAt, clock.now, 0.3 + (index % 7) * 0.1);
      }
      em.create(Participant, {
        meeting,
        user: users[userKey],
        role,
        attendance,
        ...(materialsReadAt ? { materialsReadAt } : {}),
        createdAt,
        updatedAt: closed ? plan.endsAt : (materialsReadAt ?? createdAt),
      });
    });

    const createItems = (specs: AgendaSpec[], parent: AgendaItem | undefined): void => {
      const positions = generateNKeysBetween(null, null, specs.length);
      specs.forEach((item, index) => {
        const presenterUser = item.presenterUser === 'chair' ? spec.chair : item.presenterUser;
        let status = AgendaItemStatus.PENDING;
        if (closed) status = item.deferred ? AgendaItemStatus.DEFERRED : AgendaItemStatus.CONCLUDED;
        const agendaItem = em.create(AgendaItem, {
          meeting,
          ...(parent ? { parent } : {}),
          position: positions[index]!,
          title: text(item.title, context),
          ...(item.description ? { description: text(item.description, context) } : {}),
          ...(item.durationMinutes ? { durationMinutes: item.durationMinutes } : {}),
          ...(presenterUser ? { presenterUser: users[presenterUser] } : {}),
          ...(item.presenterUnit ? { presenterUnit: units[item.presenterUnit] } : {}),
          ...(item.proposal ? { proposal: proposals[item.proposal] } : {}),
          status,
          ...(closed && item.conclusion ? { conclusion: text(item.conclusion, context) } : {}),
          createdAt,
          updatedAt: closed ? plan.endsAt : createdAt,
        });
        if (item.key) agendaItems.set(`${key}:${item.key}`, agendaItem);
        if (closed && item.vote) {
          const against = item.vote.votesAgainst ?? 0;
          const votesFor = item.vote.votesFor ?? voters - against - (item.vote.abstentions ?? 0);
          const abstentions = item.vote.abstentions ?? voters - votesFor - against;
          em.create(Vote, {
            agendaItem,
            votesFor,
            votesAgainst: against,
            abstentions,
            outcome: item.vote.outcome,
            createdAt: plan.endsAt,
            updatedAt: plan.endsAt,
          });
        }
        if (item.children) createItems(item.children, agendaItem);
      });
    };
    createItems(spec.agenda, undefined);
  }

  // --- Work programme ---------------------------------------------------------------------------------------

  const programmeCreatedAt = clock.earlier(at(makeDay(year, 1, 5), 9), clock.daysAgo(1));
  const programme = em.create(WorkProgramme, {
    organization,
    unit: units.BTV,
    year,
    title: `Chương trình công tác năm ${year} của Ban Thường vụ Tỉnh ủy`,
    createdAt: programmeCreatedAt,
    updatedAt: programmeCreatedAt,
  });
  const currentMonth = year === clock.today.year ? clock.today.month : 12;
  const programmeItems = new Map<ProposalKey, ProgrammeItem>();
  const programmed = proposalKeys
    .map((key) => {
      const spec = proposalSpecs[key];
      const link = spec.programme;
      if (!link) return undefined;
      let month: number;
      if (typeof link.month === 'number') month = link.month;
      else if (link.month === 'upcoming') month = Math.min(12, currentMonth + 1);
      else {
        const meetingDay = spec.meeting ? localDayOf(plans[spec.meeting].startsAt) : clock.today;
        month = meetingDay.year === year ? meetingDay.month : 1;
      }
      return { key, spec, month };
    })
    .filter((entry) => entry !== undefined)
    .sort((a, b) => a.month - b.month);
  for (const { key, spec, month } of programmed) {
    const status =
      spec.status === ProposalStatus.ADOPTED
        ? ProgrammeItemStatus.ADOPTED
        : (spec.programme?.status ?? ProgrammeItemStatus.PLANNED);
    // Linked to the meeting that took it up, when that meeting belongs to this programme's year.
    const meetingKey =
      spec.meeting && localDayOf(plans[spec.meeting].startsAt).year === year ? spec.meeting : undefined;
    const proposal = proposals[key];
    programmeItems.set(
      key,
      em.create(ProgrammeItem, {
        programme,
        title: proposal.title,
        kind: spec.kind,
        plannedMonth: month,
        leadUnit: units[spec.leadUnit],
        status,
        proposal,
        ...(meetingKey ? { meeting: meetings[meetingKey] } : {}),
        createdAt: programmeCreatedAt,
        updatedAt: clock.earlier(
          clock.now,
          new Date(Math.max(programmeCreatedAt.getTime(), proposal.updatedAt.getTime())),
        ),
      }),
    );
  }

  // --- Tasks and progress reports --------------------------------------------------------------------------------

  for (const spec of TASKS) {
    const { source } = spec;
    const sourceMeeting = source.meeting ? meetings[source.meeting] : undefined;
    const sourceAgendaItem =
      source.meeting && source.agendaItem
        ? agendaItems.get(`${source.meeting}:${source.agendaItem}`)
        : undefined;
    if (source.agendaItem && !sourceAgendaItem)
      throw new Error(`demo data: unknown agenda item ${source.meeting}:${source.agendaItem}`);
    const sourceProgrammeItem = source.programmeItem ? programmeItems.get(source.programmeItem) : undefined;
    if (source.programmeItem && !sourceProgrammeItem)
      throw new Error(`demo data: ${source.programmeItem} is not in the programme`);

    const createdAt = source.meeting
      ? clock.soonAfter(plans[source.meeting].endsAt, 20)
      : clock.daysAgo(spec.createdDaysAgo ?? 14);
    const completedAt =
      spec.status === TaskStatus.DONE
        ? clock.between(createdAt, clock.now, spec.completedAt ?? 0.7)
        : undefined;
    const closedAt = completedAt ?? clock.now;

    const task = new Task();
    task.organization = ref(organization);
    task.title = spec.title;
    if (spec.description) task.description = spec.description;
    if (sourceMeeting) task.sourceMeeting = ref(sourceMeeting);
    if (sourceAgendaItem) task.sourceAgendaItem = ref(sourceAgendaItem);
    if (source.proposal) task.sourceProposal = ref(proposals[source.proposal]);
    if (sourceProgrammeItem) task.sourceProgrammeItem = ref(sourceProgrammeItem);
    task.assigneeUnit = ref(units[spec.assigneeUnit]);
    if (spec.assignee) task.assignee = ref(users[spec.assignee]);
    for (const unit of spec.coordinatingUnits ?? []) task.coordinatingUnits.add(units[unit]);
    task.dueAt = clock.dueIn(spec.dueInDays);
    task.priority = spec.priority;
    task.status = spec.status;
    task.progress = spec.progress;
    task.classification = spec.classification ?? Classification.INTERNAL;
    if (completedAt) task.completedAt = completedAt;
    task.createdAt = createdAt;
    task.updatedAt = createdAt;
    em.persist(task);

    for (const update of spec.updates ?? []) {
      const writtenAt = clock.between(createdAt, closedAt, update.at);
      if (writtenAt > task.updatedAt) task.updatedAt = writtenAt;
      em.create(TaskUpdate, {
        task,
        author: users[update.author],
        body: update.body,
        ...(update.progress === undefined ? {} : { progress: update.progress }),
        ...(update.statusFrom ? { statusFrom: update.statusFrom } : {}),
        ...(update.statusTo ? { statusTo: update.statusTo } : {}),
        createdAt: writtenAt,
        updatedAt: writtenAt,
      });
    }
    if (completedAt && completedAt > task.updatedAt) task.updatedAt = completedAt;
  }

  await em.flush();
  return { organization };
}
