// Anchored appraisal comments (issue 11, item 4): a comment points at a passage of the proposal's body by a
// Yjs relative position and keeps pointing at it while others edit before it; when the passage is deleted
// the comment is detached (kept, shown apart), never lost. The edits here are made as the /collab server
// makes them: Yjs updates of concurrent replicas merged into the stored body (TipTap's `default` fragment).
import { MembershipRole, ProposalKind, UnitKind } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Proposal, Unit } from '../src/entities/index.js';
import { buildUser } from './support/factories.js';
import { buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type TestServer } from './support/server.js';

const paragraphs = [
  'Mục tiêu chung của đề án.',
  'Đến năm 2030, 100% cán bộ chủ chốt được đào tạo lại về chuyển đổi số.',
  'Kinh phí thực hiện do ngân sách tỉnh bảo đảm.',
];

/** A body as TipTap stores it: paragraphs of text in the `default` fragment. */
function bodyOf(texts: string[]): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('default');
  fragment.insert(
    0,
    texts.map((text) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      return paragraph;
    }),
  );
  return doc;
}

const paragraphText = (doc: Y.Doc, index: number) =>
  (doc.getXmlFragment('default').get(index) as Y.XmlElement).get(0) as Y.XmlText;

/** A reviewer's anchor: the relative position of the quote's first character, base64 as the client sends it. */
function anchorAt(doc: Y.Doc, paragraph: number, quote: string) {
  const text = paragraphText(doc, paragraph);
  const index = text.toString().indexOf(quote);
  expect(index).toBeGreaterThanOrEqual(0);
  const position = Y.createRelativePositionFromTypeIndex(text, index);
  return { quote, position: Buffer.from(Y.encodeRelativePosition(position)).toString('base64') };
}

/** A replica of the stored body: a client that synced it. */
function replica(stored: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored);
  return doc;
}

describe('anchored comments', () => {
  let t: TestServer;
  const tokens = {} as Record<'office' | 'drafter' | 'reviewer', string>;
  let unitId: string;
  let proposalId: string;
  let appraisalId: string;
  let stored: Uint8Array;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      tokens.office = tenant.office.token;
      tokens.drafter = tenant.member.token;
      const unit = em.create(Unit, {
        organization: tenant.organization,
        name: 'Ủy ban Kiểm tra',
        kind: UnitKind.DEPARTMENT,
      });
      await em.flush();
      unitId = unit.id;
      tokens.reviewer = (
        await buildUser(em, tenant.organization, { unit, role: MembershipRole.STAFF })
      ).token;
    });
    const created = await t.gql<{ createProposal: { proposal: { id: string } } }>(
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id } } }`,
      {
        input: {
          title: 'Đề án chuyển đổi số',
          kind: ProposalKind.PROPOSAL,
          leadUnitId: (await leadUnit()).id,
        },
      },
      tokens.drafter,
    );
    proposalId = created.data!.createProposal.proposal.id;
    stored = Y.encodeStateAsUpdate(bodyOf(paragraphs));
    await storeBody(stored);
    const requested = await t.gql<{ requestAppraisal: { appraisal: { id: string } } }>(
      `mutation($input: RequestAppraisalInput!) { requestAppraisal(input: $input) { appraisal { id } } }`,
      {
        input: {
          proposalId,
          unitIds: [unitId],
          dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      },
      tokens.office,
    );
    expect(requested.errors).toBeUndefined();
    appraisalId = requested.data!.requestAppraisal.appraisal.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  async function leadUnit() {
    return t.db.orm.em.fork().findOneOrFail(Unit, { kind: UnitKind.DEPARTMENT, name: 'Ban Tổ chức' });
  }

  /** What the /collab persistence does: the merged document's state into Proposal.body. */
  async function storeBody(update: Uint8Array) {
    await t.db.orm.em.fork().nativeUpdate(Proposal, { id: proposalId }, { body: Buffer.from(update) });
  }

  /** Edits made on replicas at once, merged as the server merges them, then stored. */
  async function concurrently(...edits: ((doc: Y.Doc) => void)[]) {
    const server = replica(stored);
    const updates = edits.map((edit) => {
      const doc = replica(stored);
      const before = Y.encodeStateVector(doc);
      edit(doc);
      return Y.encodeStateAsUpdate(doc, before);
    });
    for (const update of updates) Y.applyUpdate(server, update);
    stored = Y.encodeStateAsUpdate(server);
    await storeBody(stored);
    return server;
  }

  const add = (anchor: { quote: string; position: string } | null, body: string) =>
    t.gql<{
      addAppraisalComment: { comment: { id: string; detached: boolean; anchorQuote: string | null } };
    }>(
      `mutation($input: AddAppraisalCommentInput!) { addAppraisalComment(input: $input) { comment { id detached anchorQuote } } }`,
      { input: { appraisalId, body, ...(anchor ? { anchor } : {}) } },
      tokens.reviewer,
    );

  const comments = async () =>
    (
      await t.gql<{
        appraisal: {
          comments: { edges: { node: { id: string; detached: boolean; anchorQuote: string } }[] };
        };
      }>(
        `query($id: ID!) { appraisal(id: $id) { comments { edges { node { id detached anchorQuote } } } } }`,
        { id: appraisalId },
        tokens.drafter,
      )
    ).data!.appraisal.comments.edges.map((edge) => edge.node);

  it('stays on its passage after concurrent edits before it, and is detached, not lost, when the passage is deleted', async () => {
    const onTarget = await add(
      anchorAt(replica(stored), 1, '100% cán bộ chủ chốt'),
      'Chỉ tiêu 100% có khả thi không?',
    );
    const onOther = await add(anchorAt(replica(stored), 2, 'ngân sách tỉnh'), 'Nêu rõ nguồn vốn.');
    const onWhole = await add(null, 'Đề án cần thêm phụ lục.');
    for (const added of [onTarget, onOther, onWhole]) expect(added.errors).toBeUndefined();
    expect(onTarget.data!.addAppraisalComment.comment.detached).toBe(false);

    // Three people edit at once, all before the passage: a new first paragraph, words inserted at the start
    // of the passage's paragraph, a word deleted from the first paragraph.
    const merged = await concurrently(
      (doc) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('Căn cứ Nghị quyết số 26-NQ/TU.')]);
        doc.getXmlFragment('default').insert(0, [paragraph]);
      },
      (doc) => paragraphText(doc, 1).insert(0, 'Cụ thể: '),
      (doc) => paragraphText(doc, 0).delete(0, 'Mục tiêu '.length),
      (doc) => paragraphText(doc, 1).insert('Đến năm 2030, '.length, 'phấn đấu '),
    );
    const texts = merged
      .getXmlFragment('default')
      .toArray()
      .map((p) => ((p as Y.XmlElement).get(0) as Y.XmlText).toString());
    expect(texts).toEqual([
      'Căn cứ Nghị quyết số 26-NQ/TU.',
      'chung của đề án.',
      'Cụ thể: Đến năm 2030, phấn đấu 100% cán bộ chủ chốt được đào tạo lại về chuyển đổi số.',
      'Kinh phí thực hiện do ngân sách tỉnh bảo đảm.',
    ]);
    let seen = await comments();
    expect(seen.map((c) => [c.anchorQuote, c.detached])).toEqual([
      ['100% cán bộ chủ chốt', false],
      ['ngân sách tỉnh', false],
      [null, false],
    ]);

    // The passage goes: "100% cán bộ chủ chốt" deleted (with what surrounds it), while another edit elsewhere.
    await concurrently(
      (doc) => {
        const text = paragraphText(doc, 2);
        const at = text.toString().indexOf('phấn đấu 100%');
        text.delete(at, 'phấn đấu 100% cán bộ chủ chốt '.length);
      },
      (doc) => paragraphText(doc, 3).insert(0, 'Tổng '),
    );
    seen = await comments();
    expect(seen.map((c) => [c.anchorQuote, c.detached])).toEqual([
      ['100% cán bộ chủ chốt', true],
      ['ngân sách tỉnh', false],
      [null, false],
    ]);
    // The paragraph holding the other passage removed entirely: detached as well.
    await concurrently((doc) => doc.getXmlFragment('default').delete(3, 1));
    seen = await comments();
    expect(seen.map((c) => c.detached)).toEqual([true, true, false]);
    expect(seen).toHaveLength(3);
  });

  it('refuses a position that is not one, writing nothing', async () => {
    const before = (await comments()).length;
    for (const position of ['', 'not base64!', 'AAAA', Buffer.from('hello').toString('base64')]) {
      const refused = await add({ quote: 'đề án', position }, 'X');
      expect(refused.errors?.[0]?.extensions?.code, position).toBe('BAD_USER_INPUT');
    }
    expect((await comments()).length).toBe(before);
  });
});
