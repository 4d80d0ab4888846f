import { AgendaItemStatus, EventType, limits } from '@quorum/shared';
import { ref, type EntityManager } from '@mikro-orm/core';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { AgendaItem, type FieldChanges, type Meeting, Unit, User } from '../entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { authorize } from '../policies/viewer.policy.js';
import type {
  AddAgendaItemInput,
  ChangeAgendaItemStatusInput,
  MoveAgendaItemInput,
  RemoveAgendaItemInput,
  UpdateAgendaItemInput,
} from './inputs.js';
import { applyNoteUpdates, type NoteUpdate, replaceNoteText } from '../collab/agenda-notes.js';
import {
  buildAgenda,
  checkAgendaDepth,
  compareSiblings,
  heightOf,
  subtreeIds,
  type Agenda,
} from '../domain/agenda.js';
import { checkAgendaItemTransition } from '../domain/meeting-lifecycle.js';
import { applyChanges } from './changes.js';
import {
  appendMeetingEvent,
  checkVersion,
  loadItems,
  loadMeeting,
  loadOpenMeeting,
  lockMeeting,
  meetingIdOfItem,
  refChange,
  runVersioned,
} from './meeting-support.js';
import { runCommand } from './run-command.js';
import { followSession, loadProposal, unscheduleProposals } from './proposal.commands.js';

/** The locked, freshly read agenda of a meeting the viewer may change. */
async function openAgenda(
  em: EntityManager,
  viewer: Viewer,
  meetingId: string,
): Promise<{ meeting: Meeting; agenda: Agenda<AgendaItem> }> {
  await lockMeeting(em, meetingId);
  const meeting = await loadOpenMeeting(em, viewer, meetingId, 'changed');
  return { meeting, agenda: buildAgenda(await loadItems(em, meeting.id)) };
}

/** The locked agenda and one of its items, for commands that start from the item's id. */
async function openItem(
  em: EntityManager,
  viewer: Viewer,
  itemId: string,
  options: { requireOpen: boolean } = { requireOpen: true },
): Promise<{ meeting: Meeting; agenda: Agenda<AgendaItem>; item: AgendaItem }> {
  const meetingId = await meetingIdOfItem(em, itemId);
  await lockMeeting(em, meetingId);
  const via = { what: 'AgendaItem', id: itemId };
  const meeting = options.requireOpen
    ? await loadOpenMeeting(em, viewer, meetingId, 'changed', via)
    : await loadMeeting(em, viewer, meetingId, via);
  const agenda = buildAgenda(await loadItems(em, meeting.id));
  const item = agenda.items.find((candidate) => candidate.id === itemId);
  if (!item) throw new NotFoundError('AgendaItem', itemId);
  return { meeting, agenda, item };
}

function siblingsOf(agenda: Agenda<AgendaItem>, parentId: string | undefined): AgendaItem[] {
  return parentId ? (agenda.children.get(parentId) ?? []) : agenda.roots;
}

/**
 * The fractional key for a place in a level, between the neighbours of the moment: right after `afterId`,
 * right before `beforeId`, or at the end. `siblings` must not include the item being placed. Should two
 * neighbours share a key (never written here, since writes to an agenda are serialized), the level is
 * renumbered first.
 */
function keyFor(
  siblings: AgendaItem[],
  place: { afterId?: string | undefined; beforeId?: string | undefined },
): string {
  if (place.afterId && place.beforeId)
    throw new BadInputError('afterId', 'Give either afterId or beforeId, not both');
  for (let i = 1; i < siblings.length; i++) {
    if (siblings[i - 1]!.position >= siblings[i]!.position) {
      const keys = generateNKeysBetween(null, null, siblings.length);
      siblings.forEach((sibling, index) => (sibling.position = keys[index]!));
      break;
    }
  }
  let index = siblings.length; // insert before this index
  if (place.afterId) {
    const at = siblings.findIndex((s) => s.id === place.afterId);
    if (at < 0) throw new BadInputError('afterId', 'afterId must be an item of the same level');
    index = at + 1;
  } else if (place.beforeId) {
    const at = siblings.findIndex((s) => s.id === place.beforeId);
    if (at < 0) throw new BadInputError('beforeId', 'beforeId must be an item of the same level');
    index = at;
  }
  return generateKeyBetween(siblings[index - 1]?.position ?? null, siblings[index]?.position ?? null);
}

async function findPresenters(
  em: EntityManager,
  viewer: Viewer,
  input: { presenterUserId?: string | null; presenterUnitId?: string | null },
): Promise<{ user?: User | null; unit?: Unit | null }> {
  const found: { user?: User | null; unit?: Unit | null } = {};
  if (input.presenterUserId !== undefined) {
    found.user = input.presenterUserId
      ? await em.findOne(User, { id: input.presenterUserId, organization: viewer.organizationId })
      : null;
    if (input.presenterUserId && !found.user) throw new NotFoundError('User', input.presenterUserId);
  }
  if (input.presenterUnitId !== undefined) {
    found.unit = input.presenterUnitId
      ? await em.findOne(Unit, { id: input.presenterUnitId, organization: viewer.organizationId })
      : null;
    if (input.presenterUnitId && !found.unit) throw new NotFoundError('Unit', input.presenterUnitId);
  }
  return found;
}

export async function addAgendaItem(
  ctx: Context,
  viewer: Viewer,
  input: AddAgendaItemInput,
): Promise<AgendaItem> {
  return runCommand(ctx, async (em) => {
    const { meeting, agenda } = await openAgenda(em, viewer, input.meetingId);
    if (agenda.items.length >= limits.agendaItemsMax)
      throw new BadInputError('meetingId', `An agenda has at most ${limits.agendaItemsMax} items`);
    if (input.parentId && !agenda.numbers.has(input.parentId))
      throw new BadInputError('parentId', 'parentId must be an item of the same meeting');
    checkAgendaDepth(agenda, input.parentId);
    const position = keyFor(siblingsOf(agenda, input.parentId), input);
    const presenters = await findPresenters(em, viewer, input);
    const proposal = input.proposalId ? await loadProposal(em, viewer, input.proposalId) : null;
    const item = em.create(AgendaItem, {
      meeting,
      ...(input.parentId ? { parent: em.getReference(AgendaItem, input.parentId) } : {}),
      position,
      title: input.title.trim(),
      description: input.description ?? null,
      durationMinutes: input.durationMinutes ?? null,
      presenterUser: presenters.user ?? null,
      presenterUnit: presenters.unit ?? null,
      proposal,
      materialsRequired: input.materialsRequired ?? true,
    });
    await appendMeetingEvent(ctx, em, viewer, meeting, { type: EventType.AGENDA_ITEM_ADDED, subject: item });
    // A template's agenda schedules nothing.
    if (proposal && !meeting.isTemplate) await followSession(ctx, em, viewer, proposal.id, 'scheduled');
    return item;
  });
}

export async function updateAgendaItem(
  ctx: Context,
  viewer: Viewer,
  input: UpdateAgendaItemInput,
): Promise<AgendaItem> {
  const { id, expectedVersion, presenterUserId, presenterUnitId, proposalId, ...patch } = input;
  for (const field of ['title', 'materialsRequired'] as const) {
    if (patch[field] === null) throw new BadInputError(field, `"${field}" cannot be cleared`);
  }
  const notes: (NoteUpdate | null)[] = [];
  const updated = await runVersioned(ctx, 'AgendaItem', expectedVersion, async (em) => {
    const { meeting, item } = await openItem(em, viewer, id);
    checkVersion('AgendaItem', item, expectedVersion);
    if (patch.conclusion !== undefined && !meetingPolicy.canConclude(viewer, meeting))
      throw new BadInputError('conclusion', 'Conclusions are written while the meeting is IN_PROGRESS');
    if (patch.title !== undefined && patch.title !== null) patch.title = patch.title.trim();
    // A null in the patch clears the column (title and materialsRequired were refused above).
    const changes: FieldChanges = applyChanges(item, patch as Partial<AgendaItem>);
    // The co-edited notes say what their columns now say.
    for (const field of ['description', 'conclusion'] as const)
      if (changes[field]) notes.push(await replaceNoteText(ctx, em, item.id, field, item[field] ?? null));

    const presenters = await findPresenters(em, viewer, { presenterUserId, presenterUnitId });
    const userChange = 'user' in presenters ? refChange(item.presenterUser, presenters.user) : undefined;
    const unitChange = 'unit' in presenters ? refChange(item.presenterUnit, presenters.unit) : undefined;
    if (userChange) {
      item.presenterUser = presenters.user ? ref(presenters.user) : undefined;
      changes.presenterUserId = userChange;
    }
    if (unitChange) {
      item.presenterUnit = presenters.unit ? ref(presenters.unit) : undefined;
      changes.presenterUnitId = unitChange;
    }
    // A new presenter has not confirmed anything yet.
    if ((userChange || unitChange) && item.presenterConfirmedAt) {
      changes.presenterConfirmedAt = { before: item.presenterConfirmedAt, after: null };
      item.presenterConfirmedAt = undefined;
      item.presenterConfirmedBy = undefined;
    }
    if (proposalId !== undefined) {
      const proposal = proposalId ? await loadProposal(em, viewer, proposalId) : null;
      const change = refChange(item.proposal, proposal);
      if (change) {
        const previous = item.proposal?.id;
        item.proposal = proposal ? ref(proposal) : undefined;
        changes.proposalId = change;
        if (!meeting.isTemplate) {
          if (proposal) await followSession(ctx, em, viewer, proposal.id, 'scheduled');
          if (previous) await unscheduleProposals(ctx, em, viewer, [previous], { itemIds: [item.id] });
        }
      }
    }
    if (Object.keys(changes).length > 0) {
      await appendMeetingEvent(ctx, em, viewer, meeting, {
        type: EventType.AGENDA_ITEM_UPDATED,
        subject: item,
        changes,
      });
    }
    return item;
  });
  await applyNoteUpdates(ctx, notes);
  return updated;
}

/**
 * Moves an item with its sub-items. No expected version: a move states where the item goes relative to
 * the neighbours of the moment, and moves to one agenda apply one after another (see `lockMeeting`), so two
 * people reordering at once both succeed, in some order, and nothing is lost or duplicated.
 */
export async function moveAgendaItem(
  ctx: Context,
  viewer: Viewer,
  input: MoveAgendaItemInput,
): Promise<{ item: AgendaItem; meeting: Meeting }> {
  return runCommand(ctx, async (em) => {
    const { meeting, agenda, item } = await openItem(em, viewer, input.id);
    const parentId = input.parentId ?? undefined;
    if (parentId) {
      if (!agenda.numbers.has(parentId))
        throw new BadInputError('parentId', 'parentId must be an item of the same meeting');
      if (subtreeIds(agenda, item.id).includes(parentId))
        throw new BadInputError('parentId', 'An item cannot be moved under itself or one of its sub-items');
    }
    if (input.afterId === item.id || input.beforeId === item.id)
      throw new BadInputError(
        input.afterId ? 'afterId' : 'beforeId',
        'An item cannot be placed next to itself',
      );
    checkAgendaDepth(agenda, parentId, heightOf(agenda, item.id));
    const siblings = siblingsOf(agenda, parentId)
      .filter((s) => s.id !== item.id)
      .sort(compareSiblings);
    const position = keyFor(siblings, input);
    const before = {
      parentId: item.parent?.id ?? null,
      position: item.position,
      number: agenda.numbers.get(item.id),
    };
    item.parent = parentId ? ref(agenda.items.find((i) => i.id === parentId)!) : undefined;
    item.position = position;
    const after = buildAgenda(agenda.items);
    const changes: FieldChanges = {
      position: { before: before.position, after: position },
      number: { before: before.number, after: after.numbers.get(item.id) },
    };
    if (before.parentId !== (parentId ?? null))
      changes.parentId = { before: before.parentId, after: parentId ?? null };
    await appendMeetingEvent(ctx, em, viewer, meeting, {
      type: EventType.AGENDA_ITEM_MOVED,
      subject: item,
      changes,
    });
    return { item, meeting };
  });
}

export async function removeAgendaItem(
  ctx: Context,
  viewer: Viewer,
  input: RemoveAgendaItemInput,
): Promise<{ meeting: Meeting; removedIds: string[] }> {
  return runVersioned(ctx, 'AgendaItem', input.expectedVersion, async (em) => {
    const { meeting, agenda, item } = await openItem(em, viewer, input.id);
    checkVersion('AgendaItem', item, input.expectedVersion);
    const removedIds = subtreeIds(agenda, item.id);
    // Sub-items, votes and files go with it (ON DELETE CASCADE); tasks keep their text and lose the link.
    await em.nativeDelete(AgendaItem, { id: item.id, version: input.expectedVersion });
    if (!meeting.isTemplate) {
      const removed = new Set(removedIds);
      const proposalIds = agenda.items
        .filter((i) => removed.has(i.id) && i.proposal)
        .map((i) => i.proposal!.id);
      await unscheduleProposals(ctx, em, viewer, proposalIds, { itemIds: removedIds });
    }
    await appendMeetingEvent(ctx, em, viewer, meeting, {
      type: EventType.AGENDA_ITEM_REMOVED,
      subject: meeting,
      changes: {
        agendaItemId: { before: item.id, after: null },
        title: { before: item.title, after: null },
        number: { before: agenda.numbers.get(item.id), after: null },
        removedIds: { before: removedIds, after: null },
      },
    });
    return { meeting, removedIds };
  });
}

export async function changeAgendaItemStatus(
  ctx: Context,
  viewer: Viewer,
  input: ChangeAgendaItemStatusInput,
): Promise<AgendaItem> {
  const notes: (NoteUpdate | null)[] = [];
  const changed = await runVersioned(ctx, 'AgendaItem', input.expectedVersion, async (em) => {
    const { meeting, item } = await openItem(em, viewer, input.id, { requireOpen: false });
    authorize(meetingPolicy.canManage(viewer, meeting), 'Only the office conducts the session');
    checkVersion('AgendaItem', item, input.expectedVersion);
    checkAgendaItemTransition(item, meeting.status, input.status);
    if (
      input.conclusion !== undefined &&
      input.conclusion !== null &&
      input.status !== AgendaItemStatus.CONCLUDED
    )
      throw new BadInputError('conclusion', 'A conclusion is given when concluding');
    const changes = applyChanges(item, {
      status: input.status,
      ...(input.conclusion != null ? { conclusion: input.conclusion } : {}),
    });
    if (changes.conclusion)
      notes.push(await replaceNoteText(ctx, em, item.id, 'conclusion', item.conclusion ?? null));
    await appendMeetingEvent(ctx, em, viewer, meeting, {
      type: EventType.AGENDA_ITEM_STATUS_CHANGED,
      subject: item,
      changes,
    });
    return item;
  });
  await applyNoteUpdates(ctx, notes);
  return changed;
}

/** The presenter (or the office for them) confirms they will present the item. Idempotent. */
export async function confirmPresenter(
  ctx: Context,
  viewer: Viewer,
  agendaItemId: string,
): Promise<AgendaItem> {
  return runCommand(ctx, async (em) => {
    const { meeting, item } = await openItem(em, viewer, agendaItemId, { requireOpen: false });
    if (!item.presenterUser && !item.presenterUnit)
      throw new BadInputError('agendaItemId', 'The item has no presenter to confirm');
    authorize(
      meetingPolicy.isPresenter(viewer, item) || viewer.isOfficeStaff,
      'Only the presenter, or the office for them, confirms',
    );
    if (!meetingPolicy.canConfirmPresenter(viewer, meeting, item))
      throw new BadInputError('agendaItemId', `A ${meeting.status} meeting can no longer change`);
    if (item.presenterConfirmedAt) return item;
    item.presenterConfirmedAt = new Date();
    item.presenterConfirmedBy = em.getReference(User, viewer.userId, { wrapped: true });
    await appendMeetingEvent(ctx, em, viewer, meeting, {
      type: EventType.AGENDA_ITEM_PRESENTER_CONFIRMED,
      subject: item,
      changes: {
        presenterConfirmedAt: { before: null, after: item.presenterConfirmedAt },
        presenterConfirmedBy: { before: null, after: viewer.userId },
      },
    });
    return item;
  });
}
