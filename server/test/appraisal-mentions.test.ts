// Mentions in appraisal comments notify (issue 11 item 4): `@[Full Name](user:<id>)` names a user; each one
// named who may read the comment is notified in the comment's transaction, anyone else is left out without an
// error; too many mentions are refused and write nothing. The parser is the one the client uses.
import {
  Classification,
  EventType,
  formatMention,
  MembershipRole,
  mentionedUserIds,
  mentionSegments,
  mentionsMax,
  parseMentions,
  ProposalKind,
  UnitKind,
} from '@quorum/shared';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppraisalComment, Event, Notification, Unit } from '../src/entities/index.js';
import { buildUser } from './support/factories.js';
import { buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type TestServer } from './support/server.js';

describe('the mention syntax', () => {
  const id = '3f2b8c1e-6a4d-4b7e-9c0a-1d2e3f4a5b6c';

  it('parses what formatMention writes, with its place in the body, and nothing that only looks like one', () => {
    const token = formatMention('Nguyễn Văn [An]\n', id.toUpperCase());
    expect(token).toBe(`@[Nguyễn Văn An](user:${id})`);
    const body = `Đề nghị ${token} và @[Trần Thị Bình](user:${id.toUpperCase()}) xem lại. @[Không](user:123) @[ ](mailto:x)`;
    const mentions = parseMentions(body);
    expect(mentions.map(({ userId, name }) => ({ userId, name }))).toEqual([
      { userId: id, name: 'Nguyễn Văn An' },
      { userId: id, name: 'Trần Thị Bình' },
    ]);
    expect(body.slice(mentions[0]!.index, mentions[0]!.index + mentions[0]!.length)).toBe(token);
    expect(mentionedUserIds(body)).toEqual([id]);
    expect(mentionSegments(body)).toEqual([
      'Đề nghị ',
      mentions[0],
      ' và ',
      mentions[1],
      ' xem lại. @[Không](user:123) @[ ](mailto:x)',
    ]);
    expect(mentionSegments('')).toEqual([]);
  });
});

describe('mentions in appraisal comments', () => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const units: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      Object.assign(tokens, { office: tenant.office.token, drafter: tenant.member.token });
      Object.assign(ids, { office: tenant.office.user.id, drafter: tenant.member.user.id });
      units.lead = tenant.department.id;
      const unit = (name: string) =>
        em.create(Unit, { organization: tenant.organization, name, kind: UnitKind.DEPARTMENT });
      const [a, b, e] = [unit('Ủy ban Kiểm tra'), unit('Ban Dân vận'), unit('Ban Kinh tế')];
      await em.flush();
      Object.assign(units, { A: a.id, B: b.id });
      const people: [string, Unit, boolean][] = [
        ['reviewerA', a, true],
        ['colleagueA', a, true],
        ['formerA', a, false],
        ['reviewerB', b, true],
        ['unrelated', e, true],
      ];
      for (const [name, member, active] of people) {
        const built = await buildUser(em, tenant.organization, {
          unit: member,
          role: MembershipRole.STAFF,
          active,
        });
        tokens[name] = built.token;
        ids[name] = built.user.id;
      }
      // An office member of another organization: it may read everything of its own, nothing of this one.
      ids.stranger = (await buildMeetingTenant(em)).office.user.id;
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  const gql = async <T>(role: string, query: string, input: Record<string, unknown>) => {
    const response = await t.gql<T>(query, { input }, tokens[role]);
    return response;
  };

  async function roundOf(sharedComments: boolean): Promise<string> {
    const created = await gql<{ createProposal: { proposal: { id: string } } }>(
      'drafter',
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id } } }`,
      {
        title: 'Đề án sắp xếp đơn vị hành chính',
        kind: ProposalKind.PROPOSAL,
        leadUnitId: units.lead,
        classification: Classification.RESTRICTED,
      },
    );
    const requested = await gql<{ requestAppraisal: { appraisal: { id: string } } }>(
      'office',
      `mutation($input: RequestAppraisalInput!) { requestAppraisal(input: $input) { appraisal { id } } }`,
      {
        proposalId: created.data!.createProposal.proposal.id,
        unitIds: [units.A, units.B],
        dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        sharedComments,
      },
    );
    expect(requested.errors).toBeUndefined();
    return requested.data!.requestAppraisal.appraisal.id;
  }

  const comment = (role: string, input: Record<string, unknown>) =>
    gql<{ addAppraisalComment: { comment: { id: string } } }>(
      role,
      `mutation($input: AddAppraisalCommentInput!) { addAppraisalComment(input: $input) { comment { id } } }`,
      input,
    );

  const mention = (who: string) => formatMention(`Người ${who}`, ids[who] ?? who);

  /** Whom the event of the comment notified, by their names here. */
  async function notified(commentId: string): Promise<string[]> {
    const em = t.db.orm.em.fork();
    const events = await em.find(Event, { type: EventType.APPRAISAL_COMMENT_ADDED });
    const event = events.find((e) => e.changes?.commentId?.after === commentId)!;
    const notes = await em.find(Notification, { event });
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return notes.map((note) => names[note.user.id]!).sort();
  }

  it('notifies each mentioned user who may read the comment, once, and leaves out everyone else', async () => {
    const appraisalId = await roundOf(false);
    const body = [
      `Đề nghị ${mention('colleagueA')} (cùng đơn vị), ${mention('drafter')} (người soạn),`,
      `${mention('office')} (văn phòng), ${mention('colleagueA')} (lần nữa), ${mention('reviewerA')} (tác giả),`,
      `${mention('reviewerB')} (đơn vị khác: ý kiến không chia sẻ), ${mention('unrelated')} (không đọc được tờ trình),`,
      `${mention('formerA')} (đã nghỉ), ${mention('stranger')} (tổ chức khác), ${formatMention('Ai đó', randomUUID())}.`,
    ].join('\n');
    const added = await comment('reviewerA', { appraisalId, body });
    expect(added.errors).toBeUndefined();
    const rootId = added.data!.addAppraisalComment.comment.id;
    expect(await notified(rootId)).toEqual(['colleagueA', 'drafter', 'office']);

    // A reply that mentions the thread's author notifies them once (as the author, and as mentioned).
    const reply = await comment('colleagueA', {
      appraisalId,
      parentId: rootId,
      body: `${mention('reviewerA')} đồng ý.`,
    });
    expect(await notified(reply.data!.addAppraisalComment.comment.id)).toEqual(['reviewerA']);
  });

  it('notifies the reviewers of another unit where the round shares its comments', async () => {
    const appraisalId = await roundOf(true);
    const added = await comment('reviewerA', {
      appraisalId,
      body: `${mention('reviewerB')}, ${mention('unrelated')}: ý kiến của Ban?`,
    });
    expect(added.errors).toBeUndefined();
    expect(await notified(added.data!.addAppraisalComment.comment.id)).toEqual(['reviewerB']);
  });

  it(`refuses a comment that mentions more than ${mentionsMax} people, writing nothing`, async () => {
    const appraisalId = await roundOf(true);
    const em = () => t.db.orm.em.fork();
    const before = [
      await em().count(AppraisalComment, {}),
      await em().count(Event, {}),
      await em().count(Notification, {}),
    ];
    const body = Array.from({ length: mentionsMax + 1 }, () => formatMention('Ai đó', randomUUID())).join(
      ' ',
    );
    const refused = await comment('reviewerA', { appraisalId, body });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.field).toBe('body');
    const after = [
      await em().count(AppraisalComment, {}),
      await em().count(Event, {}),
      await em().count(Notification, {}),
    ];
    expect(after).toEqual(before);
    // As many as allowed, and the same one many times, pass.
    const allowed = Array.from({ length: mentionsMax }, () => formatMention('Ai đó', randomUUID()));
    const many = await comment('reviewerA', {
      appraisalId,
      body: [...allowed, allowed[0], allowed[0]].join(' '),
    });
    expect(many.errors).toBeUndefined();
  });
});
