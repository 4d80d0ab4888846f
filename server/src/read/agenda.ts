import { AppraisalStatus } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import {
  buildAgenda,
  judgeReadiness,
  type Agenda,
  type ItemFacts,
  type Readiness,
} from '../domain/agenda.js';
import { Meeting, type AgendaItem } from '../entities/index.js';
import { thenOrNow, type Row, type Rows } from './rows.js';

// A meeting's agenda and readiness as the read path loads them: once per operation, shared by all the
// nested fields that need them. The rules themselves are the domain's (domain/agenda.ts).

export type MeetingAgenda = Agenda<Row<AgendaItem>>;

/**
 * A meeting's whole agenda, loaded in one (batched) statement, with its tree and numbering; once per
 * operation, shared by all the nested fields that need it, and at once when it is built already.
 */
export function agendaOf(rows: Rows, meetingId: string): MeetingAgenda | Promise<MeetingAgenda> {
  return rows.memo(`agenda:${meetingId}`, async () =>
    buildAgenda(await rows.collection(Meeting, 'agendaItems', meetingId)),
  );
}

/**
 * What `read` finds in a meeting's agenda: at once when the operation has it already (always so for the
 * items of `Meeting.agenda`, which come from it), so the many fields of each item need not wait in turn.
 */
export function fromAgenda<R>(
  rows: Rows,
  meetingId: string,
  read: (agenda: MeetingAgenda) => R,
): R | Promise<R> {
  return thenOrNow(agendaOf(rows, meetingId), read);
}

/**
 * One statement for the whole meeting, whatever its size. Readiness does not go through the items'
 * collections: the same collections are loaded by the nested fields of the query (files, appraisals), and
 * two loads of one collection racing each other would make the statement count depend on timing.
 */
async function factsOf(em: EntityManager, meetingId: string): Promise<Map<string, ItemFacts>> {
  type Row = {
    id: string;
    proposal_status: string | null;
    files: number;
    rounds: number;
    closed_rounds: number;
  };
  const rows: Row[] = await em.getConnection().execute(
    `select ai.id, p.status as proposal_status,
       (select count(*)::int from attachment f where f.agenda_item_id = ai.id) as files,
       (select count(*)::int from appraisal r where r.proposal_id = ai.proposal_id) as rounds,
       (select count(*)::int from appraisal r where r.proposal_id = ai.proposal_id and r.status = ?) as closed_rounds
     from agenda_item ai left join proposal p on p.id = ai.proposal_id
     where ai.meeting_id = ?`,
    [AppraisalStatus.CLOSED, meetingId],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        files: row.files,
        proposalStatus: row.proposal_status,
        rounds: row.rounds,
        closedRounds: row.closed_rounds,
      },
    ]),
  );
}

/** Readiness of every item of a meeting: its own columns plus one counting statement, once per operation. */
export function readinessOf(
  rows: Rows,
  em: EntityManager,
  meetingId: string,
): Readiness<Row<AgendaItem>> | Promise<Readiness<Row<AgendaItem>>> {
  return rows.memo(`readiness:${meetingId}`, async () => {
    const [agenda, facts] = await Promise.all([agendaOf(rows, meetingId), factsOf(em, meetingId)]);
    return judgeReadiness(agenda, facts);
  });
}
