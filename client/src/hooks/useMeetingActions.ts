import { useEffect, useMemo, useRef } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorCode, MeetingStatus } from '@quorum/shared';
import { hasErrorCode } from '../apollo/errors';
import { uploadAttachment } from '../apollo/uploads';
import type { MeetingActions } from '../components/meeting/actions';
import { NO_ACTIONS } from '../components/meeting/actions';
import {
  AddAgendaItemDocument,
  AddParticipantsDocument,
  CancelMeetingDocument,
  ChangeAgendaItemStatusDocument,
  CloseMeetingDocument,
  ConfirmPresenterDocument,
  CopyAgendaDocument,
  CreateMeetingFromDocument,
  MarkMaterialsReadDocument,
  MoveAgendaItemDocument,
  RecordAttendanceDocument,
  RecordVoteDocument,
  RemoveAgendaItemDocument,
  RemoveAttachmentDocument,
  RemoveParticipantDocument,
  ScheduleMeetingDocument,
  StartMeetingDocument,
  UpdateAgendaItemDocument,
  UpdateParticipantDocument,
} from '../generated/graphql';
import type { MeetingRoomFieldsFragment } from '../generated/graphql';

/**
 * The room's actions, each wired to its mutation and offered only where `viewerCan` allows
 * it. After a CONFLICT (someone changed it first) the room is reloaded before the error
 * reaches the screen, so what the message says is already true. Structural changes (an item
 * added or removed) reload the room too: numbers and totals of other items change with them.
 */
export function useMeetingActions(
  meeting: MeetingRoomFieldsFragment | null | undefined,
  refresh: () => Promise<unknown>,
): MeetingActions {
  const [schedule] = useMutation(ScheduleMeetingDocument);
  const [start] = useMutation(StartMeetingDocument);
  const [close] = useMutation(CloseMeetingDocument);
  const [cancel] = useMutation(CancelMeetingDocument);
  const [move] = useMutation(MoveAgendaItemDocument);
  const [add] = useMutation(AddAgendaItemDocument);
  const [update] = useMutation(UpdateAgendaItemDocument);
  const [remove] = useMutation(RemoveAgendaItemDocument);
  const [changeStatus] = useMutation(ChangeAgendaItemStatusDocument);
  const [vote] = useMutation(RecordVoteDocument);
  const [confirm] = useMutation(ConfirmPresenterDocument);
  const [attendance] = useMutation(RecordAttendanceDocument);
  const [markRead] = useMutation(MarkMaterialsReadDocument);
  const [addPeople] = useMutation(AddParticipantsDocument);
  const [updatePerson] = useMutation(UpdateParticipantDocument);
  const [removePerson] = useMutation(RemoveParticipantDocument);
  const [createFrom] = useMutation(CreateMeetingFromDocument);
  const [copyAgenda] = useMutation(CopyAgendaDocument);
  const [removeAttachment] = useMutation(RemoveAttachmentDocument);

  // The actions change only with what the viewer may do, not with every change of the
  // meeting (rows that receive them can then skip re-rendering); the meeting's current
  // version is read when an action runs.
  const latest = useRef(meeting);
  useEffect(() => {
    latest.current = meeting;
  });
  const meetingId = meeting?.id;
  // The same permissions keep the same actions, however often the meeting object is renewed.
  const canKey = meeting ? JSON.stringify(meeting.viewerCan) : '';
  const mayMarkRead = !!meeting?.viewerParticipant && !meeting.viewerParticipant.materialsReadAt;

  return useMemo(() => {
    if (!meetingId || !canKey) return NO_ACTIONS;
    const can = JSON.parse(canKey) as MeetingRoomFieldsFragment['viewerCan'];
    const guarded = async (action: () => Promise<unknown>, reloadAfter = false) => {
      try {
        await action();
      } catch (error) {
        if (hasErrorCode(error, ErrorCode.CONFLICT)) await refresh();
        throw error;
      }
      if (reloadAfter) await refresh();
    };
    const meetingInput = () => ({ id: meetingId, expectedVersion: latest.current?.version ?? 0 });
    const transitionMutations: Partial<Record<MeetingStatus, () => Promise<unknown>>> = {
      [MeetingStatus.SCHEDULED]: can.schedule
        ? () => schedule({ variables: { input: meetingInput() } })
        : undefined,
      [MeetingStatus.IN_PROGRESS]: can.start
        ? () => start({ variables: { input: meetingInput() } })
        : undefined,
      [MeetingStatus.CLOSED]: can.close ? () => close({ variables: { input: meetingInput() } }) : undefined,
      [MeetingStatus.CANCELLED]: can.cancel
        ? () => cancel({ variables: { input: meetingInput() } })
        : undefined,
    };
    const transitions = can.nextStatuses.filter((status) => transitionMutations[status]);

    return {
      transitions,
      transition:
        transitions.length > 0
          ? (to) => {
              const run = transitionMutations[to];
              // A status change moves what every item may do next: read them all again.
              return run ? guarded(run, true) : Promise.resolve();
            }
          : undefined,
      moveItem: can.manageAgenda
        ? (target) =>
            guarded(() =>
              move({
                variables: {
                  input: {
                    id: target.id,
                    parentId: target.parentId,
                    // One neighbour is enough, and the one most likely to stay put.
                    ...(target.afterId
                      ? { afterId: target.afterId }
                      : target.beforeId
                        ? { beforeId: target.beforeId }
                        : {}),
                  },
                },
              }),
            )
        : undefined,
      addItem: can.manageAgenda
        ? (parentId, draft) =>
            guarded(
              () =>
                add({
                  variables: {
                    input: {
                      meetingId,
                      ...(parentId ? { parentId } : {}),
                      title: draft.title,
                      durationMinutes: draft.durationMinutes,
                      description: draft.description,
                    },
                  },
                }),
              true,
            )
        : undefined,
      editItem: (item, fields) =>
        guarded(
          () =>
            update({
              variables: {
                input: {
                  id: item.id,
                  expectedVersion: item.version,
                  title: fields.title,
                  durationMinutes: fields.durationMinutes,
                },
              },
            }),
          // Totals and times of the items around it follow a new duration.
          fields.durationMinutes !== item.durationMinutes,
        ),
      removeItem: (item) =>
        guarded(() => remove({ variables: { input: { id: item.id, expectedVersion: item.version } } }), true),
      canEdit: (item) => can.manageAgenda && item.viewerCan.update,
      itemTransitions: (item) => (item.viewerCan.changeStatus ? item.viewerCan.nextStatuses : []),
      setItemStatus: (item, status) =>
        guarded(
          () =>
            changeStatus({ variables: { input: { id: item.id, expectedVersion: item.version, status } } }),
          true,
        ),
      canConclude: (item) => item.viewerCan.conclude,
      recordVote: (item, result) =>
        guarded(() =>
          vote({ variables: { input: { agendaItemId: item.id, expectedVersion: item.version, ...result } } }),
        ),
      canVote: (item) => item.viewerCan.recordVote,
      confirmPresenter: (item) =>
        guarded(() => confirm({ variables: { input: { agendaItemId: item.id } } }), true),
      canConfirmPresenter: (item) => item.viewerCan.confirmPresenter,
      setAttendance: can.recordAttendance
        ? (participant, value) =>
            guarded(() =>
              attendance({
                variables: {
                  input: {
                    participantId: participant.id,
                    attendance: value,
                    expectedVersion: participant.version,
                  },
                },
              }),
            )
        : undefined,
      markMaterialsRead:
        can.markMaterialsRead && mayMarkRead
          ? () => guarded(() => markRead({ variables: { input: { meetingId } } }), true)
          : undefined,
      addParticipants: can.manageParticipants
        ? (entries, units = []) =>
            guarded(
              () => addPeople({ variables: { input: { meetingId, participants: entries, units } } }),
              true,
            )
        : undefined,
      setParticipantRole: can.manageParticipants
        ? (participant, role) =>
            guarded(
              () =>
                updatePerson({
                  variables: { input: { id: participant.id, expectedVersion: participant.version, role } },
                }),
              // The quorum counts members and the chair: it may follow a role.
              true,
            )
        : undefined,
      removeParticipant: can.manageParticipants
        ? (participant) => guarded(() => removePerson({ variables: { input: { id: participant.id } } }), true)
        : undefined,
      // An item's readiness and the meeting's follow its files: the room is read again.
      uploadFile: can.manageAgenda
        ? (file, agendaItemId, onProgress) =>
            guarded(() => uploadAttachment({ owner: { meetingId, agendaItemId }, file, onProgress }), true)
        : undefined,
      removeFile: can.manageAgenda
        ? (file) => guarded(() => removeAttachment({ variables: { input: { id: file.id } } }), true)
        : undefined,
      createFrom: can.copy
        ? async (input) => {
            const result = await createFrom({
              variables: { input: { sourceMeetingId: meetingId, ...input } },
            });
            const id = result.data?.createMeetingFrom.meeting.id;
            if (!id) throw new Error('createMeetingFrom returned no meeting');
            return id;
          }
        : undefined,
      copyAgendaFrom: can.manageAgenda
        ? (sourceMeetingId) =>
            guarded(
              () =>
                copyAgenda({
                  variables: { input: { fromMeetingId: sourceMeetingId, toMeetingId: meetingId } },
                }),
              true,
            )
        : undefined,
    } satisfies MeetingActions;
  }, [
    meetingId,
    canKey,
    mayMarkRead,
    refresh,
    schedule,
    start,
    close,
    cancel,
    move,
    add,
    update,
    remove,
    changeStatus,
    vote,
    confirm,
    attendance,
    markRead,
    addPeople,
    updatePerson,
    removePerson,
    createFrom,
    copyAgenda,
    removeAttachment,
  ]);
}
