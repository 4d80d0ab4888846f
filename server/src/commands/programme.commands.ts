import { Classification, EventType, ProgrammeItemStatus, SubjectType } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { ProgrammeItem, Proposal, Task, Unit, WorkProgramme, type FieldChanges } from '../entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { programmePolicy } from '../policies/programme.policy.js';
import { authorize } from '../policies/viewer.policy.js';
import type {
  AddProgrammeItemInput,
  CreateWorkProgrammeInput,
  RemoveProgrammeItemInput,
  UpdateProgrammeItemInput,
  UpdateWorkProgrammeInput,
} from './inputs.js';
import { applyChanges, created } from './changes.js';
import { checkVersion, lockInTransaction, refChange, runVersioned } from './meeting-support.js';
import { loadLeadUnit, loadProposal } from './proposal.commands.js';
import { runCommand } from './run-command.js';

// Work programmes (issue 12, item 3): drawn up and edited by the office, one per committee and year, read by
// the whole organization. Every command is one transaction that checks everything before it writes, with
// its event: subject the programme or the item, scope the programme, INTERNAL like the programme itself.
// An item is ADOPTED only through its proposal (programme-adoption.ts).

/** FORBIDDEN unless the office edits: checked before anything is read. */
const requireEditor = (viewer: Viewer) =>
  authorize(programmePolicy.canEdit(viewer), 'Work programmes are drawn up by the office');

/** The programme, freshly read and locked against its other commands; NOT_FOUND outside the organization. */
async function loadProgramme(em: EntityManager, viewer: Viewer, id: string): Promise<WorkProgramme> {
  await lockInTransaction(em, 'quorum.programme', id);
  const programme = await em.findOne(
    WorkProgramme,
    { id, organization: viewer.organizationId },
    { refresh: true },
  );
  if (!programme || !programmePolicy.canRead(viewer, programme)) throw new NotFoundError('WorkProgramme', id);
  return programme;
}

/** The item and its programme (locked), freshly read; NOT_FOUND outside the organization. */
async function loadItem(
  em: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<{ item: ProgrammeItem; programme: WorkProgramme }> {
  const found = await em.findOne(ProgrammeItem, { id }, { fields: ['programme'] });
  if (!found) throw new NotFoundError('ProgrammeItem', id);
  const programme = await loadProgramme(em, viewer, found.programme.id).catch(() => {
    throw new NotFoundError('ProgrammeItem', id);
  });
  const item = await em.findOne(ProgrammeItem, { id, programme: programme.id }, { refresh: true });
  if (!item) throw new NotFoundError('ProgrammeItem', id);
  return { item, programme };
}

function appendProgrammeEvent(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  programme: WorkProgramme,
  type: EventType,
  subject: { type: SubjectType; id: string },
  changes: FieldChanges,
) {
  return ctx.feed.append(em, {
    organizationId: viewer.organizationId,
    actorId: viewer.userId,
    type,
    subject,
    scope: { type: SubjectType.PROGRAMME, id: programme.id },
    classification: Classification.INTERNAL,
    changes,
  });
}

/** A proposal an item may carry out: one the viewer reads, of the organization. */
async function loadItemProposal(em: EntityManager, viewer: Viewer, id: string | undefined) {
  return id === undefined ? undefined : loadProposal(em, viewer, id);
}

export async function createWorkProgramme(
  ctx: Context,
  viewer: Viewer,
  input: CreateWorkProgrammeInput,
): Promise<WorkProgramme> {
  requireEditor(viewer);
  return runCommand(ctx, async (em) => {
    const unit = await loadLeadUnit(em, viewer, input.unitId);
    // One per unit and year: two at once are taken one after the other, the second refused.
    await lockInTransaction(em, 'quorum.programme.year', `${unit.id}:${input.year}`);
    if (await em.count(WorkProgramme, { unit: unit.id, year: input.year }))
      throw new BadInputError('year', `${unit.name} already has a programme for ${input.year}`);
    const programme = em.create(WorkProgramme, {
      organization: viewer.organizationId,
      unit,
      year: input.year,
      title: input.title.trim(),
    });
    await appendProgrammeEvent(
      ctx,
      em,
      viewer,
      programme,
      EventType.PROGRAMME_CREATED,
      { type: SubjectType.PROGRAMME, id: programme.id },
      created({ unitId: unit.id, year: input.year, title: programme.title }),
    );
    return programme;
  });
}

export async function updateWorkProgramme(
  ctx: Context,
  viewer: Viewer,
  input: UpdateWorkProgrammeInput,
): Promise<WorkProgramme> {
  requireEditor(viewer);
  return runCommand(ctx, async (em) => {
    const programme = await loadProgramme(em, viewer, input.programmeId);
    const changes = applyChanges<{ title: string }>(programme, { title: input.title.trim() });
    if (Object.keys(changes).length)
      await appendProgrammeEvent(
        ctx,
        em,
        viewer,
        programme,
        EventType.PROGRAMME_UPDATED,
        { type: SubjectType.PROGRAMME, id: programme.id },
        changes,
      );
    return programme;
  });
}

export async function addProgrammeItem(
  ctx: Context,
  viewer: Viewer,
  input: AddProgrammeItemInput,
): Promise<{ item: ProgrammeItem; programme: WorkProgramme }> {
  requireEditor(viewer);
  return runCommand(ctx, async (em) => {
    const programme = await loadProgramme(em, viewer, input.programmeId);
    const leadUnit = await loadLeadUnit(em, viewer, input.leadUnitId);
    const proposal = await loadItemProposal(em, viewer, input.proposalId);
    const item = em.create(ProgrammeItem, {
      programme,
      title: input.title.trim(),
      kind: input.kind,
      plannedMonth: input.plannedMonth,
      leadUnit,
      ...(proposal ? { proposal } : {}),
    });
    await appendProgrammeEvent(
      ctx,
      em,
      viewer,
      programme,
      EventType.PROGRAMME_ITEM_ADDED,
      { type: SubjectType.PROGRAMME_ITEM, id: item.id },
      created({
        title: item.title,
        kind: item.kind,
        plannedMonth: item.plannedMonth,
        leadUnitId: leadUnit.id,
        status: item.status,
        ...(proposal ? { proposalId: proposal.id } : {}),
      }),
    );
    return { item, programme };
  });
}

/** The statuses the office sets by hand; ADOPTED comes from the proposal's adoption alone. */
function checkStatus(item: ProgrammeItem, to: ProgrammeItemStatus | undefined): void {
  if (to === undefined || to === item.status) return;
  if (to === ProgrammeItemStatus.ADOPTED)
    throw new BadInputError('status', 'An item is adopted when its proposal is adopted');
  if (item.status === ProgrammeItemStatus.ADOPTED)
    throw new BadInputError('status', 'An adopted item keeps its status (its proposal was adopted)');
}

export async function updateProgrammeItem(
  ctx: Context,
  viewer: Viewer,
  input: UpdateProgrammeItemInput,
): Promise<{ item: ProgrammeItem; programme: WorkProgramme }> {
  requireEditor(viewer);
  return runVersioned(ctx, 'ProgrammeItem', input.expectedVersion, async (em) => {
    const { item, programme } = await loadItem(em, viewer, input.itemId);
    for (const field of ['title', 'kind', 'plannedMonth', 'leadUnitId', 'status'] as const)
      if (input[field] === null) throw new BadInputError(field, `"${field}" cannot be cleared`);
    checkVersion('ProgrammeItem', item, input.expectedVersion);
    checkStatus(item, input.status ?? undefined);
    const leadUnit = input.leadUnitId ? await loadLeadUnit(em, viewer, input.leadUnitId) : null;
    const proposal = await loadItemProposal(em, viewer, input.proposalId ?? undefined);

    const changes = applyChanges<{
      title: string;
      kind: ProgrammeItem['kind'];
      plannedMonth: number;
      status: ProgrammeItemStatus;
    }>(item, {
      title: input.title?.trim(),
      kind: input.kind ?? undefined,
      plannedMonth: input.plannedMonth ?? undefined,
      status: input.status ?? undefined,
    });
    const unitChange = leadUnit && refChange(item.leadUnit, leadUnit);
    if (leadUnit && unitChange) {
      item.leadUnit = em.getReference(Unit, leadUnit.id, { wrapped: true });
      changes.leadUnitId = unitChange;
    }
    // `proposalId: null` unlinks the item from its proposal.
    const proposalChange =
      input.proposalId === null
        ? refChange(item.proposal, null)
        : proposal && refChange(item.proposal, proposal);
    if (proposalChange) {
      item.proposal = proposal ? em.getReference(Proposal, proposal.id, { wrapped: true }) : null;
      changes.proposalId = proposalChange;
    }
    if (Object.keys(changes).length)
      await appendProgrammeEvent(
        ctx,
        em,
        viewer,
        programme,
        EventType.PROGRAMME_ITEM_UPDATED,
        { type: SubjectType.PROGRAMME_ITEM, id: item.id },
        changes,
      );
    return { item, programme };
  });
}

export async function removeProgrammeItem(
  ctx: Context,
  viewer: Viewer,
  input: RemoveProgrammeItemInput,
): Promise<{ removedId: string; programme: WorkProgramme }> {
  requireEditor(viewer);
  return runCommand(ctx, async (em) => {
    const { item, programme } = await loadItem(em, viewer, input.itemId);
    if (item.status !== ProgrammeItemStatus.PLANNED)
      throw new BadInputError(
        'itemId',
        `A ${item.status} item stays in the programme: mark it DROPPED instead`,
      );
    if (await em.count(Task, { sourceProgrammeItem: item.id }))
      throw new BadInputError('itemId', 'Tasks serve this item: mark it DROPPED instead');
    em.remove(item);
    await appendProgrammeEvent(
      ctx,
      em,
      viewer,
      programme,
      EventType.PROGRAMME_ITEM_REMOVED,
      { type: SubjectType.PROGRAMME, id: programme.id },
      { itemId: { before: item.id, after: null }, title: { before: item.title, after: null } },
    );
    return { removedId: item.id, programme };
  });
}
