import {
  Classification,
  EventType,
  isTaskOpen,
  MeetingStatus,
  SubjectType,
  TaskStatus,
  startOfDayIn,
  taskProgressMax,
  taskTransitionNeedsReason,
} from '@quorum/shared';
import { ref, type EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { moreRestricted } from '../domain/classification.js';
import {
  AgendaItem,
  Attachment,
  Membership,
  Organization,
  ProgrammeItem,
  Proposal,
  Task,
  TaskUpdate,
  Unit,
  User,
  type Event,
  type FieldChanges,
  type Meeting,
} from '../entities/index.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { taskPolicy } from '../policies/task.policy.js';
import { authorize } from '../policies/viewer.policy.js';
import type {
  ChangeTaskStatusInput,
  ConclusionTaskInput,
  CreateTaskInput,
  CreateTasksFromConclusionInput,
  ExtendTaskDueDateInput,
  ExtendTasksDueDateInput,
  ReassignTasksInput,
  ReportTaskProgressInput,
  UpdateTaskInput,
} from './inputs.js';
import { applyChanges, created } from './changes.js';
import { requireEachOnce } from './id-lists.js';
import { checkedFile, type ArrivedFile } from './meeting-attachment.commands.js';
import {
  checkVersion,
  eventClassification,
  loadMeeting,
  lockInTransaction,
  notify,
  refChange,
  runVersioned,
} from './meeting-support.js';
import { loadProposal } from './proposal.commands.js';
import { runCommand } from './run-command.js';

// Tasks (issue 12, item 1): every command is one transaction that checks everything before it changes
// anything, and appends its events with the task as subject, in its source meeting's scope when it has one
// (so `events(scope: MEETING)` and `events(scope: TASK)` both carry them: the feed matches a scope by the
// event's scope or its subject). Who may do what is task.policy.ts and `taskTransitions` in packages/shared.

/**
 * Serializes the writes to tasks: taken first, before the tasks are read, in the order of their ids (so two
 * bulk commands over the same tasks cannot deadlock). Two reports at once are applied one after the other,
 * never one lost or refused as a conflict.
 */
async function lockTasks(em: EntityManager, ids: readonly string[]): Promise<void> {
  for (const id of [...new Set(ids)].sort()) await lockInTransaction(em, 'quorum.task', id);
}

/** The task as the viewer may see it, freshly read inside the transaction; NOT_FOUND otherwise. */
async function loadTask(em: EntityManager, viewer: Viewer, id: string): Promise<Task> {
  const task = await em.findOne(Task, { id, organization: viewer.organizationId }, { refresh: true });
  if (!task || !taskPolicy.canRead(viewer, task)) throw new NotFoundError('Task', id);
  return task;
}

/** Each task once, in the order given, locked and readable by the viewer; the refusal names the first that is not. */
async function loadTasks(em: EntityManager, viewer: Viewer, ids: readonly string[]): Promise<Task[]> {
  requireEachOnce('taskIds', ids, 'Name each task once');
  await lockTasks(em, ids);
  const tasks: Task[] = [];
  for (const id of ids) tasks.push(await loadTask(em, viewer, id));
  return tasks;
}

/** The time zone the organization's days are counted in (due dates, overdue). */
async function timeZoneOf(em: EntityManager, viewer: Viewer): Promise<string> {
  return (await em.findOneOrFail(Organization, viewer.organizationId)).timeZone;
}

/** Appends an event about a task: subject the task, scope its source meeting (else the task itself). */
function appendTaskEvent(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  task: Task,
  type: EventType,
  changes: FieldChanges,
): Promise<Event> {
  return ctx.feed.append(em, {
    organizationId: viewer.organizationId,
    actorId: viewer.userId,
    type,
    subject: { type: SubjectType.TASK, id: task.id },
    ...(task.sourceMeeting ? { scope: { type: SubjectType.MEETING, id: task.sourceMeeting.id } } : {}),
    classification: eventClassification(task.classification, changes),
    changes,
  });
}

/** Who does a task: a unit of the organization and, if named, one of its active members. */
interface Assignment {
  unit: Unit;
  assignee: User | null;
}

/** `prefix` names the input object the ids come from (`tasks.2.` for the third task of a conclusion). */
async function loadAssignment(
  em: EntityManager,
  viewer: Viewer,
  unitId: string,
  assigneeId: string | null | undefined,
  prefix = '',
): Promise<Assignment> {
  const unit = await em.findOne(Unit, { id: unitId, organization: viewer.organizationId });
  if (!unit) throw new NotFoundError('Unit', unitId);
  if (!assigneeId) return { unit, assignee: null };
  const assignee = await em.findOne(User, { id: assigneeId, organization: viewer.organizationId });
  if (!assignee) throw new NotFoundError('User', assigneeId);
  const member = await em.count(Membership, { unit: unit.id, user: assignee.id });
  if (!assignee.active || member === 0)
    throw new BadInputError(
      `${prefix}assigneeId`,
      'The person in charge is an active member of the assignee unit',
    );
  return { unit, assignee };
}

/** The coordinating units named: each of the organization, once, and not the assignee unit. */
async function loadCoordinatingUnits(
  em: EntityManager,
  viewer: Viewer,
  ids: readonly string[],
  assigneeUnitId: string,
  prefix = '',
): Promise<Unit[]> {
  const field = `${prefix}coordinatingUnitIds`;
  requireEachOnce(field, ids, 'A unit coordinates once');
  if (ids.includes(assigneeUnitId))
    throw new BadInputError(field, 'The assignee unit does the task; it does not coordinate it');
  if (ids.length === 0) return [];
  const units = await em.find(Unit, { id: { $in: [...ids] }, organization: viewer.organizationId });
  const unknown = ids.filter((id) => !units.some((unit) => unit.id === id));
  if (unknown.length > 0) throw new BadInputError(field, 'These units do not exist', { unknown });
  return ids.map((id) => units.find((unit) => unit.id === id)!);
}

/** A new due date's day must not be over already (in the organization's time zone). */
function checkDueAt(field: string, dueAt: Date, timeZone: string): void {
  if (dueAt.getTime() < startOfDayIn(timeZone, new Date()).getTime())
    throw new BadInputError(field, 'The due date is already over');
}

interface Sources {
  meeting: Meeting | null;
  agendaItem: AgendaItem | null;
  proposal: Proposal | null;
  programmeItem: ProgrammeItem | null;
}

/** What a task comes from, each readable by the viewer (NOT_FOUND otherwise), the agenda item's meeting and proposal implied. */
async function loadSources(em: EntityManager, viewer: Viewer, input: CreateTaskInput): Promise<Sources> {
  let meeting: Meeting | null = null;
  let agendaItem: AgendaItem | null = null;
  if (input.sourceAgendaItemId) {
    agendaItem = await em.findOne(AgendaItem, input.sourceAgendaItemId, { refresh: true });
    if (!agendaItem) throw new NotFoundError('AgendaItem', input.sourceAgendaItemId);
    meeting = await loadMeeting(em, viewer, agendaItem.meeting.id, {
      what: 'AgendaItem',
      id: input.sourceAgendaItemId,
    });
    if (input.sourceMeetingId && input.sourceMeetingId !== meeting.id)
      throw new BadInputError('sourceAgendaItemId', 'The agenda item is of another meeting');
  } else if (input.sourceMeetingId) {
    meeting = await loadMeeting(em, viewer, input.sourceMeetingId);
  }
  if (meeting?.isTemplate)
    throw new BadInputError(
      input.sourceAgendaItemId ? 'sourceAgendaItemId' : 'sourceMeetingId',
      'A template assigns no tasks',
    );
  const proposalId = input.sourceProposalId ?? agendaItem?.proposal?.id;
  const proposal = proposalId
    ? input.sourceProposalId
      ? await loadProposal(em, viewer, proposalId)
      : await em.findOne(Proposal, proposalId)
    : null;
  let programmeItem: ProgrammeItem | null = null;
  if (input.sourceProgrammeItemId) {
    programmeItem = await em.findOne(ProgrammeItem, {
      id: input.sourceProgrammeItemId,
      programme: { organization: viewer.organizationId },
    });
    if (!programmeItem) throw new NotFoundError('ProgrammeItem', input.sourceProgrammeItemId);
  }
  return { meeting, agendaItem, proposal, programmeItem };
}

/** A task's classification when none is given: its sources' (the most restricted), else INTERNAL. */
function defaultClassification(sources: Sources): Classification {
  let classification: Classification = Classification.INTERNAL;
  for (const source of [sources.meeting, sources.proposal])
    if (source && moreRestricted(source.classification, classification))
      classification = source.classification;
  return classification;
}

interface NewTask {
  fields: CreateTaskInput | ConclusionTaskInput;
  assignment: Assignment;
  coordinating: Unit[];
  sources: Sources;
}

/** Checks one task's fields (nothing is written): its assignment, coordinating units and due date. */
async function checkNewTask(
  em: EntityManager,
  viewer: Viewer,
  fields: CreateTaskInput | ConclusionTaskInput,
  sources: Sources,
  timeZone: string,
  prefix = '',
): Promise<NewTask> {
  const assignment = await loadAssignment(em, viewer, fields.assigneeUnitId, fields.assigneeId, prefix);
  const coordinating = await loadCoordinatingUnits(
    em,
    viewer,
    fields.coordinatingUnitIds ?? [],
    assignment.unit.id,
    prefix,
  );
  checkDueAt(`${prefix}dueAt`, fields.dueAt, timeZone);
  return { fields, assignment, coordinating, sources };
}

/**
 * The sources a task's event names: those no more restricted than the task, since whoever reads the task reads
 * the event (a task the office made INTERNAL from a CONFIDENTIAL meeting does not name the meeting there;
 * `Task.sourceMeeting` shows it to those who may read it).
 */
function sourceIds(sources: Sources, classification: Classification): Record<string, string | null> {
  // Null for none; left out when withheld.
  const ids: Record<string, string | null> = {};
  const hidden = (source: { classification: Classification } | null) =>
    !!source && moreRestricted(source.classification, classification);
  if (!hidden(sources.meeting)) {
    ids.sourceMeetingId = sources.meeting?.id ?? null;
    ids.sourceAgendaItemId = sources.agendaItem?.id ?? null;
  }
  if (!hidden(sources.proposal)) ids.sourceProposalId = sources.proposal?.id ?? null;
  ids.sourceProgrammeItemId = sources.programmeItem?.id ?? null;
  return ids;
}

/** Creates a checked task with its event; the assignee is notified. */
async function addTask(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  { fields, assignment, coordinating, sources }: NewTask,
  createdAt: Date,
): Promise<Task> {
  const task = em.create(Task, {
    organization: viewer.organizationId,
    title: fields.title.trim(),
    description: fields.description?.trim() || null,
    sourceMeeting: sources.meeting,
    sourceAgendaItem: sources.agendaItem,
    sourceProposal: sources.proposal,
    sourceProgrammeItem: sources.programmeItem,
    assigneeUnit: assignment.unit,
    assignee: assignment.assignee,
    createdBy: viewer.userId,
    dueAt: fields.dueAt,
    ...(fields.priority ? { priority: fields.priority } : {}),
    classification: fields.classification ?? defaultClassification(sources),
    createdAt,
    updatedAt: createdAt,
  });
  task.coordinatingUnits.set(coordinating);
  const changes = created({
    title: task.title,
    description: task.description,
    assigneeUnitId: assignment.unit.id,
    assigneeId: assignment.assignee?.id,
    coordinatingUnitIds: coordinating.map((unit) => unit.id),
    dueAt: task.dueAt,
    priority: task.priority,
    classification: task.classification,
    status: task.status,
    ...sourceIds(sources, task.classification),
  });
  // Its author keeps reading a CONFIDENTIAL task (the viewers' caches learn it from `task.created`).
  if (task.classification === Classification.CONFIDENTIAL) {
    task.accessList.add(em.getReference(User, viewer.userId));
    changes.accessUserIds = { before: [], after: [viewer.userId] };
  }
  const event = await appendTaskEvent(ctx, em, viewer, task, EventType.TASK_CREATED, changes);
  if (assignment.assignee) notify(em, viewer, event, [assignment.assignee.id]);
  return task;
}

/** A task assigned by the office, from a meeting, agenda item, proposal or programme item, or from nothing. */
export async function createTask(ctx: Context, viewer: Viewer, input: CreateTaskInput): Promise<Task> {
  authorize(taskPolicy.canCreate(viewer), 'Tasks are assigned by the office');
  return runCommand(ctx, async (em) => {
    const sources = await loadSources(em, viewer, input);
    const checked = await checkNewTask(em, viewer, input, sources, await timeZoneOf(em, viewer));
    return addTask(ctx, em, viewer, checked, new Date());
  });
}

/**
 * The tasks of one agenda item's conclusion, all or none: the item has its conclusion, its meeting is under
 * way or closed. Each task comes from the item, its meeting and the proposal it presents.
 */
export async function createTasksFromConclusion(
  ctx: Context,
  viewer: Viewer,
  input: CreateTasksFromConclusionInput,
): Promise<Task[]> {
  return runCommand(ctx, async (em) => {
    const via = { what: 'AgendaItem', id: input.agendaItemId };
    const item = await em.findOne(AgendaItem, input.agendaItemId, { refresh: true });
    if (!item) throw new NotFoundError(via.what, via.id);
    // The item first, as every command starting from one: its meeting may be hidden from the viewer, and then
    // the answer is the NOT_FOUND of an item that does not exist, whoever asks.
    const meeting = await loadMeeting(em, viewer, item.meeting.id, via);
    authorize(taskPolicy.canCreate(viewer), 'Tasks are assigned by the office');
    if (meeting.status !== MeetingStatus.IN_PROGRESS && meeting.status !== MeetingStatus.CLOSED)
      throw new BadInputError(
        'agendaItemId',
        `Tasks come from the conclusions of a session under way or held, not of a ${meeting.status} meeting`,
      );
    if (!item.conclusion?.trim())
      throw new BadInputError('agendaItemId', 'The agenda item has no conclusion yet');
    const sources: Sources = {
      meeting,
      agendaItem: item,
      proposal: item.proposal ? await em.findOne(Proposal, item.proposal.id) : null,
      programmeItem: null,
    };
    const timeZone = await timeZoneOf(em, viewer);
    const checked: NewTask[] = [];
    for (const [index, fields] of input.tasks.entries())
      checked.push(await checkNewTask(em, viewer, fields, sources, timeZone, `tasks.${index}.`));
    // In the order given (rows created in one millisecond would otherwise list by id).
    const now = Date.now();
    const tasks: Task[] = [];
    for (const [index, task] of checked.entries())
      tasks.push(await addTask(ctx, em, viewer, task, new Date(now + index)));
    return tasks;
  });
}

/**
 * Gives a task to another unit (and person): its changes, applied. A unit that coordinated it no longer does,
 * since it now does it.
 */
async function reassign(
  em: EntityManager,
  task: Task,
  { unit, assignee }: Assignment,
): Promise<FieldChanges> {
  const changes: FieldChanges = {};
  const unitChange = refChange(task.assigneeUnit, unit);
  if (unitChange) {
    task.assigneeUnit = em.getReference(Unit, unit.id, { wrapped: true });
    changes.assigneeUnitId = unitChange;
    await task.coordinatingUnits.init();
    const before = task.coordinatingUnits.getIdentifiers<string>();
    if (before.includes(unit.id)) {
      task.coordinatingUnits.remove(em.getReference(Unit, unit.id));
      changes.coordinatingUnitIds = { before, after: before.filter((id) => id !== unit.id) };
    }
  }
  const assigneeChange = refChange(task.assignee, assignee);
  if (assigneeChange) {
    task.assignee = assignee ? em.getReference(User, assignee.id, { wrapped: true }) : undefined;
    changes.assigneeId = assigneeChange;
  }
  return changes;
}

function checkOpen(task: Task, field: string, what: string): void {
  if (!isTaskOpen(task.status)) throw new BadInputError(field, `A ${task.status} task cannot be ${what}`);
}

/**
 * A task's details, by the office, by version: title, description, priority, classification, coordinating
 * units; and its assignee unit and person while it is open (`task.reassigned`).
 */
export async function updateTask(ctx: Context, viewer: Viewer, input: UpdateTaskInput): Promise<Task> {
  return runVersioned(ctx, 'Task', input.expectedVersion, async (em) => {
    await lockTasks(em, [input.id]);
    const task = await loadTask(em, viewer, input.id);
    authorize(taskPolicy.canUpdate(viewer, task), 'Only the office changes a task');
    for (const field of [
      'title',
      'assigneeUnitId',
      'coordinatingUnitIds',
      'priority',
      'classification',
    ] as const)
      if (input[field] === null) throw new BadInputError(field, `"${field}" cannot be cleared`);
    checkVersion('Task', task, input.expectedVersion);
    // Everything is checked before the task is touched.
    const reassigning = input.assigneeUnitId !== undefined || input.assigneeId !== undefined;
    let assignment: Assignment | undefined;
    if (reassigning) {
      checkOpen(task, input.assigneeUnitId !== undefined ? 'assigneeUnitId' : 'assigneeId', 'reassigned');
      assignment = await loadAssignment(
        em,
        viewer,
        input.assigneeUnitId ?? task.assigneeUnit.id,
        input.assigneeId,
      );
      // A new unit without a named person leaves none (the old one is of the old unit); keeping the unit, an
      // absent `assigneeId` keeps the person.
      if (input.assigneeId === undefined && assignment.unit.id === task.assigneeUnit.id && task.assignee)
        assignment.assignee = await em.findOneOrFail(User, task.assignee.id);
    }
    const unitId = assignment?.unit.id ?? task.assigneeUnit.id;
    const coordinating =
      input.coordinatingUnitIds &&
      (await loadCoordinatingUnits(em, viewer, input.coordinatingUnitIds, unitId));

    const changes = applyChanges<{
      title?: string;
      description?: string | null;
      priority?: Task['priority'];
      classification?: Classification;
    }>(task, {
      title: input.title?.trim(),
      description: input.description === undefined ? undefined : input.description?.trim() || null,
      priority: input.priority ?? undefined,
      classification: input.classification ?? undefined,
    });
    if (coordinating) {
      await task.coordinatingUnits.init();
      const before = task.coordinatingUnits.getIdentifiers<string>().sort();
      const after = coordinating.map((unit) => unit.id).sort();
      if (before.join() !== after.join()) {
        task.coordinatingUnits.set(coordinating);
        changes.coordinatingUnitIds = { before, after };
      }
    }
    if (changes.classification?.after === Classification.CONFIDENTIAL) {
      await task.accessList.init();
      const before = task.accessList.getIdentifiers<string>().sort();
      if (!before.includes(viewer.userId)) {
        task.accessList.add(em.getReference(User, viewer.userId));
        changes.accessUserIds = { before, after: [...before, viewer.userId].sort() };
      }
    }
    if (Object.keys(changes).length > 0)
      await appendTaskEvent(ctx, em, viewer, task, EventType.TASK_UPDATED, changes);
    if (assignment) {
      const moved = await reassign(em, task, assignment);
      if (Object.keys(moved).length > 0) {
        const event = await appendTaskEvent(ctx, em, viewer, task, EventType.TASK_REASSIGNED, moved);
        if (moved.assigneeId && assignment.assignee) notify(em, viewer, event, [assignment.assignee.id]);
      }
    }
    return task;
  });
}

/** Several open tasks to another unit (and person), by the office: all of them or, if one is refused, none. */
export async function reassignTasks(
  ctx: Context,
  viewer: Viewer,
  input: ReassignTasksInput,
): Promise<Task[]> {
  return runCommand(ctx, async (em) => {
    const tasks = await loadTasks(em, viewer, input.taskIds);
    for (const task of tasks) {
      authorize(taskPolicy.canUpdate(viewer, task), 'Only the office reassigns tasks');
      if (!isTaskOpen(task.status))
        throw new BadInputError('taskIds', `A ${task.status} task cannot be reassigned`, { taskId: task.id });
    }
    const assignment = await loadAssignment(em, viewer, input.assigneeUnitId, input.assigneeId);
    for (const task of tasks) {
      const changes = await reassign(em, task, assignment);
      if (Object.keys(changes).length === 0) continue;
      const event = await appendTaskEvent(ctx, em, viewer, task, EventType.TASK_REASSIGNED, changes);
      if (changes.assigneeId && assignment.assignee) notify(em, viewer, event, [assignment.assignee.id]);
    }
    return tasks;
  });
}

/**
 * Moves a task along its workflow (`taskTransitions` in packages/shared). A move the viewer may not make is
 * BAD_USER_INPUT naming the ones they may (`extensions.allowed`); someone with no part in it is FORBIDDEN.
 * Done, it is at 100 % with the time it was done; the move and its reason are in its history.
 */
export async function changeTaskStatus(
  ctx: Context,
  viewer: Viewer,
  input: ChangeTaskStatusInput,
): Promise<Task> {
  return runVersioned(ctx, 'Task', input.expectedVersion, async (em) => {
    await lockTasks(em, [input.taskId]);
    const task = await loadTask(em, viewer, input.taskId);
    if (taskPolicy.actors(viewer, task).size === 0)
      throw new ForbiddenError('Only its assignee unit or the office moves a task');
    const allowed = taskPolicy.transitions(viewer, task);
    if (!allowed.includes(input.to))
      throw new BadInputError('to', `A ${task.status} task cannot go to ${input.to} by you`, { allowed });
    const reason = input.reason?.trim() || null;
    if (taskTransitionNeedsReason(task.status, input.to) && !reason)
      throw new BadInputError('reason', `Say why the task goes to ${input.to}`);
    checkVersion('Task', task, input.expectedVersion);

    const from = task.status;
    const done = input.to === TaskStatus.DONE;
    const changes = applyChanges<{ status: TaskStatus; progress?: number; completedAt?: Date | null }>(task, {
      status: input.to,
      ...(done ? { progress: taskProgressMax, completedAt: new Date() } : {}),
      ...(from === TaskStatus.DONE ? { completedAt: null } : {}),
    });
    if (reason) changes.reason = { before: null, after: reason };
    const update = em.create(TaskUpdate, {
      task,
      author: viewer.userId,
      body: reason ?? '',
      statusFrom: from,
      statusTo: input.to,
      ...(done ? { progress: taskProgressMax } : {}),
    });
    changes.updateId = { before: null, after: update.id };
    const event = await appendTaskEvent(ctx, em, viewer, task, EventType.TASK_STATUS_CHANGED, changes);
    // Whoever assigned the task hears of a move someone else made (the assignee's DONE, say).
    if (task.createdBy) notify(em, viewer, event, [task.createdBy.id]);
    return task;
  });
}

/**
 * A progress report by the assignee unit (anyone else is refused), on an open task: the task takes the
 * progress, and a report on a task still TODO starts it. Kept as an update in its history.
 */
export async function reportTaskProgress(
  ctx: Context,
  viewer: Viewer,
  input: ReportTaskProgressInput,
): Promise<Task> {
  return runVersioned(ctx, 'Task', input.expectedVersion, async (em) => {
    await lockTasks(em, [input.taskId]);
    const task = await loadTask(em, viewer, input.taskId);
    authorize(taskPolicy.reportsOn(viewer, task), 'Progress is reported by the assignee unit');
    checkOpen(task, 'taskId', 'reported on');
    if (input.expectedVersion !== undefined && input.expectedVersion !== null)
      checkVersion('Task', task, input.expectedVersion);

    const from = task.status;
    const changes = applyChanges<{ progress: number; status?: TaskStatus }>(task, {
      progress: input.progress,
      ...(from === TaskStatus.TODO ? { status: TaskStatus.IN_PROGRESS } : {}),
    });
    const files = await loadUnreportedFiles(em, viewer, task, input.attachments ?? []);
    const update = em.create(TaskUpdate, {
      task,
      author: viewer.userId,
      body: input.body.trim(),
      progress: input.progress,
      ...(changes.status ? { statusFrom: from, statusTo: task.status } : {}),
    });
    for (const file of files) file.taskUpdate = ref(update);
    changes.updateId = { before: null, after: update.id };
    if (files.length) changes.attachmentIds = { before: null, after: files.map((file) => file.id) };
    await appendTaskEvent(ctx, em, viewer, task, EventType.TASK_PROGRESS_REPORTED, changes);
    return task;
  });
}

/**
 * The files a report goes with: each named once, uploaded by the viewer to this task (`POST /uploads` with
 * `taskId`) and in no report yet; BAD_USER_INPUT on `attachments` naming the first that is not.
 */
async function loadUnreportedFiles(
  em: EntityManager,
  viewer: Viewer,
  task: Task,
  ids: readonly string[],
): Promise<Attachment[]> {
  if (!ids.length) return [];
  requireEachOnce('attachments', ids, 'Name each file once');
  const files = await em.find(
    Attachment,
    { id: { $in: [...ids] }, task: task.id, uploadedBy: viewer.userId, taskUpdate: null },
    { refresh: true },
  );
  const found = new Set(files.map((file) => file.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing)
    throw new BadInputError(
      'attachments',
      'A file of a report is one you uploaded to this task, not yet reported',
      {
        attachmentId: missing,
      },
    );
  return files;
}

/** A file as it arrived for a task's progress (`POST /uploads` with `taskId`). */
export interface NewTaskAttachment extends ArrivedFile {
  taskId: string;
}

/**
 * Adds a file to an open task, by its assignee unit, for its next progress report (`reportTaskProgress` with
 * `attachments`): the rules of every file (name, size, kind by content) checked before the transaction.
 */
export async function attachTaskFile(
  ctx: Context,
  viewer: Viewer,
  file: NewTaskAttachment,
): Promise<Attachment> {
  const checked = await checkedFile(viewer, file);
  return runCommand(ctx, async (em) => {
    const task = await loadTask(em, viewer, file.taskId);
    authorize(taskPolicy.reportsOn(viewer, task), 'Files of progress are added by the assignee unit');
    checkOpen(task, 'taskId', 'reported on');
    const attachment = em.create(Attachment, { task, ...checked });
    await appendTaskEvent(ctx, em, viewer, task, EventType.TASK_UPDATED, {
      attachmentId: { before: null, after: attachment.id },
      name: { before: null, after: checked.name },
      size: { before: null, after: checked.size },
    });
    return attachment;
  });
}

/** Checks a new due date for an open task the office follows (nothing is written). */
function checkExtension(viewer: Viewer, task: Task, dueAt: Date, field: string, timeZone: string): void {
  authorize(taskPolicy.canUpdate(viewer, task), 'Only the office extends a due date');
  if (!isTaskOpen(task.status))
    throw new BadInputError(field, `A ${task.status} task has no due date to extend`, { taskId: task.id });
  if (dueAt.getTime() <= task.dueAt.getTime())
    throw new BadInputError('dueAt', 'The new due date is later than the present one', { taskId: task.id });
  checkDueAt('dueAt', dueAt, timeZone);
}

/** The new due date, with its reason in the task's history (`dueDateHistory`) and its event. */
async function extend(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  task: Task,
  dueAt: Date,
  reason: string,
): Promise<void> {
  const before = task.dueAt;
  const changes = applyChanges<{ dueAt: Date }>(task, { dueAt });
  const update = em.create(TaskUpdate, {
    task,
    author: viewer.userId,
    body: reason,
    dueAtBefore: before,
    dueAtAfter: dueAt,
  });
  changes.reason = { before: null, after: reason };
  changes.updateId = { before: null, after: update.id };
  await appendTaskEvent(ctx, em, viewer, task, EventType.TASK_DUE_DATE_EXTENDED, changes);
}

/** A later due date for an open task, by the office, with the reason; the history keeps every extension. */
export async function extendTaskDueDate(
  ctx: Context,
  viewer: Viewer,
  input: ExtendTaskDueDateInput,
): Promise<Task> {
  return runVersioned(ctx, 'Task', input.expectedVersion, async (em) => {
    await lockTasks(em, [input.taskId]);
    const task = await loadTask(em, viewer, input.taskId);
    checkExtension(viewer, task, input.dueAt, 'taskId', await timeZoneOf(em, viewer));
    if (input.expectedVersion !== undefined && input.expectedVersion !== null)
      checkVersion('Task', task, input.expectedVersion);
    await extend(ctx, em, viewer, task, input.dueAt, input.reason.trim());
    return task;
  });
}

/** Several open tasks to one later due date, by the office: all of them or, if one is refused, none. */
export async function extendTasksDueDate(
  ctx: Context,
  viewer: Viewer,
  input: ExtendTasksDueDateInput,
): Promise<Task[]> {
  return runCommand(ctx, async (em) => {
    const tasks = await loadTasks(em, viewer, input.taskIds);
    const timeZone = await timeZoneOf(em, viewer);
    for (const task of tasks) checkExtension(viewer, task, input.dueAt, 'taskIds', timeZone);
    for (const task of tasks) await extend(ctx, em, viewer, task, input.dueAt, input.reason.trim());
    return tasks;
  });
}

/**
 * Removes a file uploaded for a task's next report that no report has taken: by whoever uploaded it. A file of
 * a report stays with it (BAD_USER_INPUT); someone else's, or one the viewer may not read, is NOT_FOUND.
 */
export async function removeTaskAttachment(
  ctx: Context,
  viewer: Viewer,
  id: string,
): Promise<{ removedId: string; task: Task }> {
  return runCommand(ctx, async (em) => {
    const found = await em.findOne(Attachment, { id, task: { $ne: null } }, { fields: ['task'] });
    if (!found?.task) throw new NotFoundError('Attachment', id);
    await lockTasks(em, [found.task.id]);
    const task = await loadTask(em, viewer, found.task.id).catch(() => {
      throw new NotFoundError('Attachment', id);
    });
    const file = await em.findOne(Attachment, { id, task: task.id }, { refresh: true });
    if (!file || file.uploadedBy.id !== viewer.userId) throw new NotFoundError('Attachment', id);
    if (file.taskUpdate) throw new BadInputError('id', 'A file that went with a report stays with it');
    em.remove(file);
    await appendTaskEvent(ctx, em, viewer, task, EventType.TASK_UPDATED, {
      attachmentId: { before: id, after: null },
      name: { before: file.name, after: null },
    });
    return { removedId: id, task };
  });
}
