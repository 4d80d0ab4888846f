// Versions of a proposal's body (issue 11 item 5): a snapshot at every move and by hand, a readable diff
// between any two (or against the body as it is now), and restoring one as a new change of the co-edited
// document, reaching a connected editor through the real `/collab` endpoint and stored. Refusals write
// nothing. PGlite, or PostgreSQL with DATABASE_URL.
import {
  Classification,
  DiffGranularity,
  DiffPartKind,
  DocumentVersionKind,
  EventType,
  MembershipRole,
  ProposalKind,
  ProposalStatus,
  UnitKind,
} from '@quorum/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import type { Database } from '../src/config/orm.js';
import { BodyAnchors } from '../src/domain/appraisal-anchor.js';
import { DocumentVersion, Event, Proposal, Unit } from '../src/entities/index.js';
import { appendParagraph, collabClient, paragraphs, until, type CollabClient } from './support/collab.js';
import { createTestDatabase } from './support/database.js';
import { buildOrganization, buildUser } from './support/factories.js';
import { buildMeetingTenant } from './support/meeting-factories.js';
import { machineSpeed, type GraphQLResponse } from './support/server.js';

type Role = 'drafter' | 'colleague' | 'office' | 'reader' | 'stranger';

const VERSION = `id label kind createdAt author { id } content html`;

interface VersionShape {
  id: string;
  label: string;
  kind: DocumentVersionKind;
  author: { id: string };
  content: string;
  html: string | null;
}

interface DiffShape {
  from: { id: string };
  to: { id: string } | null;
  parts: { kind: DiffPartKind; text: string }[];
  added: number;
  removed: number;
}

const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;

describe('versions of a proposal body', () => {
  let db: Database;
  let server: RunningServer;
  const tokens = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  let departmentId: string;
  const clients: CollabClient[] = [];

  const gql = async <T>(role: Role, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[role]}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };

  const connect = (proposalId: string, role: Role) => {
    const client = collabClient(server.url, proposalId, tokens[role]);
    clients.push(client);
    return client;
  };

  /** Connected, and holding the server's copy of the body (edits made before would go before it). */
  const open = async (proposalId: string, role: Role) => {
    const client = connect(proposalId, role);
    await client.authenticated;
    await until(() => client.provider.isSynced, 'the first sync');
    return client;
  };

  async function newProposal(
    classification = Classification.INTERNAL,
  ): Promise<{ id: string; version: number }> {
    const created = await gql<{ createProposal: { proposal: { id: string; version: number } } }>(
      'drafter',
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id version } } }`,
      {
        input: {
          title: 'Đề án chuyển đổi số',
          kind: ProposalKind.PROPOSAL,
          leadUnitId: departmentId,
          classification,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createProposal.proposal;
  }

  /** Writes the body through a drafter's editor and waits until it is stored. */
  async function write(proposalId: string, lines: string[]): Promise<void> {
    const editor = await open(proposalId, 'drafter');
    const fragment = editor.doc.getXmlFragment('default');
    editor.doc.transact(() => fragment.delete(0, fragment.length));
    for (const line of lines) appendParagraph(editor.doc, line);
    await until(() => !editor.provider.hasUnsyncedChanges, 'the edits sent');
    await server.collab.flush();
    editor.destroy();
  }

  const createVersion = (role: Role, proposalId: string, label: string) =>
    gql<{ createDocumentVersion: { version: VersionShape; proposal: { id: string } } }>(
      role,
      `mutation($input: CreateDocumentVersionInput!) {
         createDocumentVersion(input: $input) { version { ${VERSION} } proposal { id } } }`,
      { input: { proposalId, label } },
    );

  const restore = (role: Role, versionId: string, expectedVersion?: number) =>
    gql<{
      restoreDocumentVersion: {
        proposal: { id: string; bodyText: string };
        restored: { id: string };
        restorePoint: VersionShape | null;
      };
    }>(
      role,
      `mutation($input: RestoreDocumentVersionInput!) {
         restoreDocumentVersion(input: $input) {
           proposal { id bodyText } restored { id } restorePoint { ${VERSION} } } }`,
      { input: { versionId, ...(expectedVersion === undefined ? {} : { expectedVersion }) } },
    );

  const versions = async (role: Role, proposalId: string) =>
    (
      await gql<{ proposal: { versions: { edges: { node: VersionShape }[] } } | null }>(
        role,
        `query($id: ID!) { proposal(id: $id) { versions { edges { node { ${VERSION} } } } } }`,
        { id: proposalId },
      )
    ).data?.proposal?.versions.edges.map((edge) => edge.node);

  const diff = (role: Role, fromId: string, toId?: string, granularity?: DiffGranularity) =>
    gql<{ documentVersionDiff: DiffShape | null }>(
      role,
      `query($fromId: ID!, $toId: ID, $granularity: DiffGranularity) {
         documentVersionDiff(fromId: $fromId, toId: $toId, granularity: $granularity) {
           from { id } to { id } parts { kind text } added removed } }`,
      { fromId, toId, granularity },
    );

  const storedBody = async (proposalId: string) => {
    const row = await db.orm.em
      .fork()
      .findOneOrFail(Proposal, proposalId, { fields: ['body', 'bodyText', 'bodyHtml', 'version'] });
    const doc = new Y.Doc();
    if (row.body) Y.applyUpdate(doc, row.body);
    return { doc, state: row.body, text: row.bodyText, html: row.bodyHtml, version: row.version };
  };

  /** What a refused request must leave alone: versions, events and the stored body. */
  const footprint = async (proposalId: string) => {
    const em = db.orm.em.fork();
    const body = await storedBody(proposalId);
    return {
      versions: await em.count(DocumentVersion, { proposal: proposalId }),
      events: await em.count(Event, { scopeId: proposalId }),
      body: body.state ? Buffer.from(body.state).toString('base64') : null,
    };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    const tenant = await buildMeetingTenant(em);
    departmentId = tenant.department.id;
    const colleague = await buildUser(em, tenant.organization, {
      unit: tenant.department,
      role: MembershipRole.MEMBER,
    });
    const other = em.create(Unit, {
      organization: tenant.organization,
      name: 'Ủy ban Kiểm tra',
      kind: UnitKind.DEPARTMENT,
    });
    await em.flush();
    const reader = await buildUser(em, tenant.organization, { unit: other, role: MembershipRole.MEMBER });
    const elsewhere = await buildOrganization(em, 'Another organization');
    const stranger = await buildUser(em, elsewhere.organization, { unit: elsewhere.office });
    for (const [role, person] of [
      ['drafter', tenant.member],
      ['colleague', colleague],
      ['office', tenant.office],
      ['reader', reader],
      ['stranger', stranger],
    ] as const) {
      tokens[role] = person.token;
      userIds[role] = person.user.id;
    }
    const config = loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'test', ...machineSpeed });
    server = await startServer(config, db, { collabRecheckMs: 100 });
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('keeps the body at every move, named after the new status and named in the move’s event, from the live document', async () => {
    const proposal = await newProposal();
    const editor = await open(proposal.id, 'drafter');
    appendParagraph(editor.doc, 'Sự cần thiết xây dựng đề án');
    appendParagraph(editor.doc, 'Mục tiêu đến năm 2030');
    // Sent, not necessarily stored: the move reads the document open on the server.
    await until(() => !editor.provider.hasUnsyncedChanges, 'the edits sent');
    const moved = await gql<{ changeProposalStatus: { proposal: { version: number } } }>(
      'drafter',
      `mutation($input: ChangeProposalStatusInput!) { changeProposalStatus(input: $input) { proposal { version } } }`,
      { input: { proposalId: proposal.id, to: ProposalStatus.SUBMITTED, expectedVersion: proposal.version } },
    );
    expect(moved.errors).toBeUndefined();
    const returned = await gql(
      'office',
      `mutation($input: ChangeProposalStatusInput!) { changeProposalStatus(input: $input) { proposal { id } } }`,
      {
        input: {
          proposalId: proposal.id,
          to: ProposalStatus.RETURNED,
          reason: 'Bổ sung số liệu',
          expectedVersion: moved.data!.changeProposalStatus.proposal.version,
        },
      },
    );
    expect(returned.errors).toBeUndefined();

    // Newest first; the reader sees them too.
    const list = (await versions('reader', proposal.id))!;
    expect(list.map((v) => [v.label, v.kind, v.author.id])).toEqual([
      [ProposalStatus.RETURNED, DocumentVersionKind.STATUS_CHANGE, userIds.office],
      [ProposalStatus.SUBMITTED, DocumentVersionKind.STATUS_CHANGE, userIds.drafter],
    ]);
    for (const version of list) {
      expect(version.content).toBe('Sự cần thiết xây dựng đề án\nMục tiêu đến năm 2030');
      expect(version.html).toBe('<p>Sự cần thiết xây dựng đề án</p><p>Mục tiêu đến năm 2030</p>');
    }
    // Each move's event names its version, in the same transaction (no event of its own).
    const events = await db.orm.em.fork().find(Event, { scopeId: proposal.id }, { orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.type)).toEqual([
      EventType.PROPOSAL_CREATED,
      EventType.PROPOSAL_STATUS_CHANGED,
      EventType.PROPOSAL_STATUS_CHANGED,
    ]);
    expect(events.slice(1).map((e) => e.changes.versionId?.after)).toEqual(
      [...list].reverse().map((v) => v.id),
    );
    // The state kept is the document's: it opens as the body did.
    const kept = await db.orm.em.fork().findOneOrFail(DocumentVersion, list[1]!.id, { populate: ['state'] });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, kept.state!);
    expect(paragraphs(doc)).toEqual(paragraphs(editor.doc));
  });

  it('is kept by hand by the drafters and the office while the proposal is in the workflow; refusals write nothing', async () => {
    const proposal = await newProposal();
    await write(proposal.id, ['Dự thảo lần một']);
    const made = await createVersion('colleague', proposal.id, '  Dự thảo lần 1  ');
    expect(made.errors).toBeUndefined();
    const version = made.data!.createDocumentVersion.version;
    expect(version).toMatchObject({
      label: 'Dự thảo lần 1',
      kind: DocumentVersionKind.MANUAL,
      author: { id: userIds.colleague },
      content: 'Dự thảo lần một',
      html: '<p>Dự thảo lần một</p>',
    });
    expect((await createVersion('office', proposal.id, 'Bản của Văn phòng')).errors).toBeUndefined();
    const [event] = await db.orm.em
      .fork()
      .find(
        Event,
        { scopeId: proposal.id, type: EventType.PROPOSAL_VERSION_CREATED },
        { orderBy: { seq: 'asc' } },
      );
    expect(event).toMatchObject({
      subjectType: 'PROPOSAL',
      subjectId: proposal.id,
      changes: {
        versionId: { before: null, after: version.id },
        label: { before: null, after: 'Dự thảo lần 1' },
      },
    });
    // One version at a time, by id, for whoever reads the proposal.
    const one = await gql<{ documentVersion: { id: string; content: string } | null }>(
      'reader',
      `query($id: ID!) { documentVersion(id: $id) { id content } }`,
      { id: version.id },
    );
    expect(one.data!.documentVersion).toEqual({ id: version.id, content: 'Dự thảo lần một' });

    const restricted = await newProposal(Classification.RESTRICTED);
    const adopted = await newProposal();
    await db.orm.em.fork().nativeUpdate(Proposal, { id: adopted.id }, { status: ProposalStatus.ADOPTED });
    const cases: [string, Role, string, string, string, string?][] = [
      ['a reader', 'reader', proposal.id, 'Bản của tôi', 'FORBIDDEN'],
      ['a member of another unit, RESTRICTED', 'reader', restricted.id, 'Bản', 'NOT_FOUND'],
      ['another organization', 'stranger', proposal.id, 'Bản', 'NOT_FOUND'],
      ['an ADOPTED proposal', 'drafter', adopted.id, 'Bản cuối', 'BAD_USER_INPUT', 'proposalId'],
      ['a blank label', 'drafter', proposal.id, '   ', 'BAD_USER_INPUT', 'label'],
    ];
    for (const [what, role, proposalId, label, expected, field] of cases) {
      const before = await footprint(proposalId);
      const refused = await createVersion(role, proposalId, label);
      expect(code(refused), what).toBe(expected);
      if (field) expect(refused.errors![0]!.extensions!.field, what).toBe(field);
      expect(await footprint(proposalId), what).toEqual(before);
    }
    // What others may not read is not there for them.
    const hidden = await gql<{ documentVersion: unknown }>(
      'stranger',
      `query($id: ID!) { documentVersion(id: $id) { id } }`,
      { id: version.id },
    );
    expect(hidden.data!.documentVersion).toBeNull();
  });

  it('diffs two versions by words or lines, and a version against the body as it is now', async () => {
    const proposal = await newProposal();
    await write(proposal.id, ['Tờ trình về việc thực hiện Nghị quyết 26', 'Mục tiêu chung']);
    const first = (await createVersion('drafter', proposal.id, 'Lần 1')).data!.createDocumentVersion.version;
    await write(proposal.id, ['Tờ trình về thực hiện Nghị quyết số 26', 'Mục tiêu chung', 'Giải pháp']);
    const second = (await createVersion('drafter', proposal.id, 'Lần 2')).data!.createDocumentVersion.version;

    const words = await diff('reader', first.id, second.id);
    expect(words.errors).toBeUndefined();
    expect(words.data!.documentVersionDiff).toEqual({
      from: { id: first.id },
      to: { id: second.id },
      parts: [
        { kind: DiffPartKind.SAME, text: 'Tờ trình về ' },
        { kind: DiffPartKind.REMOVED, text: 'việc ' },
        { kind: DiffPartKind.SAME, text: 'thực hiện Nghị quyết ' },
        { kind: DiffPartKind.ADDED, text: 'số ' },
        { kind: DiffPartKind.SAME, text: '26\nMục tiêu chung' },
        { kind: DiffPartKind.ADDED, text: '\nGiải pháp' },
      ],
      added: 'số '.length + '\nGiải pháp'.length,
      removed: 'việc '.length,
    });
    const lines = await diff('reader', first.id, second.id, DiffGranularity.LINES);
    expect(lines.data!.documentVersionDiff!.parts).toEqual([
      { kind: DiffPartKind.REMOVED, text: 'Tờ trình về việc thực hiện Nghị quyết 26' },
      { kind: DiffPartKind.ADDED, text: 'Tờ trình về thực hiện Nghị quyết số 26' },
      { kind: DiffPartKind.SAME, text: '\nMục tiêu chung' },
      { kind: DiffPartKind.ADDED, text: '\nGiải pháp' },
    ]);
    // Against the body as it is now, edits not stored yet included (the document is open).
    const editor = await open(proposal.id, 'drafter');
    appendParagraph(editor.doc, 'Tổ chức thực hiện');
    await until(() => !editor.provider.hasUnsyncedChanges, 'the edit sent');
    const now = await diff('reader', second.id);
    expect(now.data!.documentVersionDiff).toMatchObject({
      to: null,
      parts: [
        {
          kind: DiffPartKind.SAME,
          text: 'Tờ trình về thực hiện Nghị quyết số 26\nMục tiêu chung\nGiải pháp',
        },
        { kind: DiffPartKind.ADDED, text: '\nTổ chức thực hiện' },
      ],
      removed: 0,
    });
    // Versions of two proposals are not compared; what the viewer may not read is not there.
    const elsewhere = await newProposal();
    const otherVersion = (await createVersion('drafter', elsewhere.id, 'Khác')).data!.createDocumentVersion
      .version;
    const mixed = await diff('reader', first.id, otherVersion.id);
    expect(code(mixed)).toBe('BAD_USER_INPUT');
    expect(mixed.errors![0]!.extensions!.field).toBe('toId');
    expect((await diff('stranger', first.id, second.id)).data!.documentVersionDiff).toBeNull();
  });

  it('restores a version as a new change that a connected editor receives live, stores it, and keeps the body it replaced', async () => {
    const proposal = await newProposal();
    await write(proposal.id, ['Phần một', 'Phần hai', 'Phần ba']);
    const first = (await createVersion('drafter', proposal.id, 'Bản đầu')).data!.createDocumentVersion
      .version;

    const editor = await open(proposal.id, 'drafter');
    const follower = await open(proposal.id, 'reader');
    // The second paragraph rewritten, a fourth added; not stored yet when the restore comes.
    const fragment = editor.doc.getXmlFragment('default');
    editor.doc.transact(() => {
      fragment.delete(1, 1);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Phần hai đã sửa')]);
      fragment.insert(1, [paragraph]);
    });
    appendParagraph(editor.doc, 'Phần bốn');
    await until(() => paragraphs(follower.doc).length === 4, 'the edits everywhere');
    // Comments anchored at the start of a block the restore keeps, and of one it takes away.
    const anchorAt = (index: number) =>
      Buffer.from(
        Y.encodeRelativePosition(
          Y.createRelativePositionFromTypeIndex((fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText, 0),
        ),
      ).toString('base64');
    const kept = anchorAt(2);
    const lost = anchorAt(3);
    const historyBefore = Y.encodeStateVector(editor.doc);

    const restored = await restore('colleague', first.id, proposal.version);
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.restoreDocumentVersion.proposal.bodyText).toBe('Phần một\nPhần hai\nPhần ba');
    const point = restored.data!.restoreDocumentVersion.restorePoint!;
    expect(point).toMatchObject({
      kind: DocumentVersionKind.RESTORE_POINT,
      label: 'Before restoring "Bản đầu"',
      author: { id: userIds.colleague },
      content: 'Phần một\nPhần hai đã sửa\nPhần ba\nPhần bốn',
    });
    // Live: both connected clients have it, as a change on top of theirs (nothing of their history lost).
    const expected = ['Phần một', 'Phần hai', 'Phần ba'];
    await until(
      () => [editor, follower].every((c) => JSON.stringify(paragraphs(c.doc)) === JSON.stringify(expected)),
      'the restore in both editors',
    );
    const before = Y.decodeStateVector(historyBefore);
    const after = Y.decodeStateVector(Y.encodeStateVector(editor.doc));
    for (const [client, clock] of before) expect(after.get(client)).toBeGreaterThanOrEqual(clock);
    // Stored at once, with its text and HTML; the details' version is untouched.
    const stored = await storedBody(proposal.id);
    expect(paragraphs(stored.doc)).toEqual(expected);
    expect(stored.text).toBe('Phần một\nPhần hai\nPhần ba');
    expect(stored.html).toBe('<p>Phần một</p><p>Phần hai</p><p>Phần ba</p>');
    expect(stored.version).toBe(proposal.version);
    // The block kept keeps its comment; the one taken away detaches it.
    const anchors = new BodyAnchors(Y.encodeStateAsUpdate(stored.doc), stored.text);
    expect(anchors.isDetached('Phần ba', kept)).toBe(false);
    expect(anchors.isDetached('Phần bốn', lost)).toBe(true);

    const events = await db.orm.em
      .fork()
      .find(Event, { scopeId: proposal.id, type: EventType.PROPOSAL_BODY_RESTORED });
    expect(events.map((e) => e.changes)).toEqual([
      {
        versionId: { before: null, after: first.id },
        label: { before: null, after: 'Bản đầu' },
        restorePointId: { before: null, after: point.id },
      },
    ]);
    // Editing goes on from the restored body.
    appendParagraph(editor.doc, 'Phần năm');
    await until(() => paragraphs(follower.doc).length === 4, 'an edit after the restore');

    // A body the newest version already holds is not kept twice.
    expect((await createVersion('drafter', proposal.id, 'Sau khi khôi phục')).errors).toBeUndefined();
    const again = await restore('drafter', point.id);
    expect(again.errors).toBeUndefined();
    expect(again.data!.restoreDocumentVersion.restorePoint).toBeNull();
    await until(() => paragraphs(follower.doc)[1] === 'Phần hai đã sửa', 'the second restore');
    expect(paragraphs(follower.doc)).toEqual(['Phần một', 'Phần hai đã sửa', 'Phần ba', 'Phần bốn']);
  });

  it('restores into the stored body when no editor has the document open, keeping its history', async () => {
    const proposal = await newProposal();
    await write(proposal.id, ['Điều 1', 'Điều 2']);
    const first = (await createVersion('drafter', proposal.id, 'Hai điều')).data!.createDocumentVersion
      .version;
    await write(proposal.id, ['Điều 1', 'Điều 2 sửa đổi', 'Điều 3']);
    const previous = await storedBody(proposal.id);

    const restored = await restore('drafter', first.id);
    expect(restored.errors).toBeUndefined();
    const stored = await storedBody(proposal.id);
    expect(paragraphs(stored.doc)).toEqual(['Điều 1', 'Điều 2']);
    expect(stored.text).toBe('Điều 1\nĐiều 2');
    // A new change on top of the old state: everything it had is still in it (deleted, not forgotten).
    const old = Y.decodeStateVector(Y.encodeStateVector(previous.doc));
    const now = Y.decodeStateVector(Y.encodeStateVector(stored.doc));
    for (const [client, clock] of old) expect(now.get(client)).toBeGreaterThanOrEqual(clock);
    // An editor opening it now reads the restored body.
    const editor = await open(proposal.id, 'drafter');
    expect(paragraphs(editor.doc)).toEqual(['Điều 1', 'Điều 2']);
  });

  it('refuses a restore to readers, the office, strangers, a submitted proposal and a stale version, writing nothing', async () => {
    const proposal = await newProposal();
    await write(proposal.id, ['Nội dung']);
    const version = (await createVersion('drafter', proposal.id, 'Bản')).data!.createDocumentVersion.version;
    await write(proposal.id, ['Nội dung mới']);
    const restricted = await newProposal(Classification.RESTRICTED);
    await write(restricted.id, ['Hạn chế']);
    const hiddenVersion = (await createVersion('drafter', restricted.id, 'Bản hạn chế')).data!
      .createDocumentVersion.version;
    const submitted = await newProposal();
    await write(submitted.id, ['Đã trình']);
    const submittedVersion = (await createVersion('drafter', submitted.id, 'Trước khi trình')).data!
      .createDocumentVersion.version;
    await db.orm.em.fork().nativeUpdate(Proposal, { id: submitted.id }, { status: ProposalStatus.SUBMITTED });

    const cases: [string, Role, string, string, string, number?][] = [
      ['a reader', 'reader', proposal.id, version.id, 'FORBIDDEN'],
      ['the office (not a drafter)', 'office', proposal.id, version.id, 'FORBIDDEN'],
      ['another organization', 'stranger', proposal.id, version.id, 'NOT_FOUND'],
      ['a member of another unit, RESTRICTED', 'reader', restricted.id, hiddenVersion.id, 'NOT_FOUND'],
      ['a SUBMITTED proposal', 'drafter', submitted.id, submittedVersion.id, 'BAD_USER_INPUT'],
      ['a stale expectedVersion', 'drafter', proposal.id, version.id, 'CONFLICT', proposal.version + 5],
    ];
    for (const [what, role, proposalId, versionId, expected, expectedVersion] of cases) {
      const before = await footprint(proposalId);
      const refused = await restore(role, versionId, expectedVersion);
      expect(code(refused), what).toBe(expected);
      expect(await footprint(proposalId), what).toEqual(before);
    }
    // A refusal names the version, never a hidden proposal.
    const hidden = await restore('reader', hiddenVersion.id);
    expect(hidden.errors![0]!.message).not.toContain(restricted.id);
  });
});
