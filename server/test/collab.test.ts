// Co-editing a proposal's body through the real `/collab` endpoint (issue 11 item 2): who may edit, who only
// follows, who is refused at connect, who is cut off when their access goes; the stored state, its text and
// its HTML follow the edits.
import {
  Classification,
  EventType,
  MembershipRole,
  ProposalKind,
  ProposalStatus,
  SystemRole,
  UnitKind,
} from '@quorum/shared';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../src/app.js';
import { proposalDocumentName } from '../src/collab/document-name.js';
import { loadConfig, type Config } from '../src/config/config.js';
import type { Database } from '../src/config/orm.js';
import { Event, Proposal, Unit, User, type Organization } from '../src/entities/index.js';
import { appendParagraph, collabClient, paragraphs, until, type CollabClient } from './support/collab.js';
import { createTestDatabase } from './support/database.js';
import { buildUser } from './support/factories.js';
import { buildMeetingTenant } from './support/meeting-factories.js';
import { machineSpeed } from './support/server.js';

interface Person {
  user: User;
  token: string;
}

describe('co-editing a proposal body over /collab', () => {
  let db: Database;
  let server: RunningServer;
  let config: Config;
  let organization: Organization;
  let department: Unit;
  let drafter: Person;
  let owner: Person;
  let office: Person;
  let outsider: Person;
  let admin: Person;
  const clients: CollabClient[] = [];

  const connect = (proposalId: string, person: Person | null, name?: string) => {
    const client = collabClient(server.url, proposalId, person?.token ?? null, new Y.Doc(), name);
    clients.push(client);
    return client;
  };

  const gql = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  };

  async function newProposal(
    fields: { classification?: Classification; bodyText?: string; accessList?: User[] } = {},
  ): Promise<Proposal> {
    const em = db.orm.em.fork();
    const proposal = em.create(Proposal, {
      organization,
      title: 'Đề án chuyển đổi số',
      kind: ProposalKind.PROPOSAL,
      leadUnit: department,
      owner: owner.user,
      classification: fields.classification ?? Classification.RESTRICTED,
      ...(fields.bodyText ? { bodyText: fields.bodyText } : {}),
    });
    for (const user of fields.accessList ?? []) proposal.accessList.add(em.getReference(User, user.id));
    await em.flush();
    // Written past the commands: the cached viewers learn of the access list as a command would tell them.
    if (fields.accessList) server.viewers.invalidateOrganization(organization.id);
    return proposal;
  }

  const stored = async (id: string) => {
    await server.collab.flush();
    const row = await db.orm.em
      .fork()
      .findOneOrFail(Proposal, id, { fields: ['body', 'bodyText', 'bodyHtml', 'version'] });
    const doc = new Y.Doc();
    if (row.body) Y.applyUpdate(doc, row.body);
    return { doc, bodyText: row.bodyText, bodyHtml: row.bodyHtml, version: row.version };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    const tenant = await buildMeetingTenant(em);
    organization = tenant.organization;
    department = tenant.department;
    drafter = tenant.member;
    office = tenant.office;
    owner = await buildUser(em, organization, { unit: department, role: MembershipRole.MEMBER });
    const other = em.create(Unit, { organization, name: 'Ủy ban Kiểm tra', kind: UnitKind.DEPARTMENT });
    await em.flush();
    outsider = await buildUser(em, organization, { unit: other, role: MembershipRole.MEMBER });
    admin = await buildUser(em, organization, { systemRole: SystemRole.ADMIN });
    config = loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'test', ...machineSpeed });
    server = await startServer(config, db, { collabRecheckMs: 100 });
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('lets the drafters edit and readers follow; a reader’s updates are refused and never reach anyone', async () => {
    const proposal = await newProposal();
    const writer = connect(proposal.id, drafter);
    const second = connect(proposal.id, owner);
    const reader = connect(proposal.id, office);
    await Promise.all([writer.authenticated, second.authenticated, reader.authenticated]);
    expect(writer.provider.authorizedScope).toBe('read-write');
    expect(second.provider.authorizedScope).toBe('read-write');
    expect(reader.provider.authorizedScope).toBe('readonly');

    appendParagraph(writer.doc, 'Sự cần thiết xây dựng đề án');
    appendParagraph(second.doc, 'Mục tiêu đến năm 2030');
    const everyone = [writer, second, reader];
    await until(() => everyone.every((c) => paragraphs(c.doc).length === 2), 'both paragraphs everywhere');

    appendParagraph(reader.doc, 'Người đọc tự ý sửa');
    // After the reader's update, a writer's: once it is everywhere, the reader's had its turn and was dropped.
    appendParagraph(writer.doc, 'Giải pháp thực hiện');
    await until(
      () => [second, reader].every((c) => paragraphs(c.doc).includes('Giải pháp thực hiện')),
      "the writer's last paragraph",
    );
    const expected = ['Sự cần thiết xây dựng đề án', 'Mục tiêu đến năm 2030', 'Giải pháp thực hiện'];
    // The two writers wrote concurrently: their first paragraphs may be in either order.
    expect([...paragraphs(writer.doc)].sort()).toEqual([...expected].sort());
    expect(paragraphs(second.doc)).toEqual(paragraphs(writer.doc));
    expect(reader.provider.hasUnsyncedChanges).toBe(true);

    const body = await stored(proposal.id);
    expect(paragraphs(body.doc)).toEqual(paragraphs(writer.doc));
    expect(Buffer.from(Y.encodeStateVector(body.doc))).toEqual(Buffer.from(Y.encodeStateVector(writer.doc)));
    // The text follows the body; storing it is no edit of the proposal's details, and appends no event.
    expect(body.bodyText).toBe(paragraphs(writer.doc).join('\n'));
    expect(body.bodyHtml).toBe(
      paragraphs(writer.doc)
        .map((p) => `<p>${p}</p>`)
        .join(''),
    );
    expect(body.version).toBe(proposal.version);
    expect(await db.orm.em.fork().count(Event, { scopeId: proposal.id })).toBe(0);
  });

  it('refuses at connect whoever may not read the proposal, and an unknown document, with a reason', async () => {
    const restricted = await newProposal();
    const confidential = await newProposal({
      classification: Classification.CONFIDENTIAL,
      accessList: [office.user],
    });
    const cases: [string, CollabClient, string][] = [
      ['a member of another unit, RESTRICTED', connect(restricted.id, outsider), 'NOT_FOUND'],
      ['a drafter not on the access list, CONFIDENTIAL', connect(confidential.id, drafter), 'NOT_FOUND'],
      ['no token', connect(restricted.id, null), 'UNAUTHENTICATED'],
      [
        'a token that is not one',
        connect(restricted.id, { user: drafter.user, token: 'qs_not-a-session' }),
        'UNAUTHENTICATED',
      ],
      ['another kind of document', connect(restricted.id, drafter, `meeting:${restricted.id}`), 'NOT_FOUND'],
    ];
    appendParagraph(connect(restricted.id, drafter).doc, 'Nội dung hạn chế');
    for (const [what, client, code] of cases) {
      expect(await client.refused, what).toMatch(new RegExp(`^${code}: `));
      expect(client.doc.getXmlFragment('default').length, what).toBe(0);
    }
    // Let in: one on the access list, and the read is in the audit trail as a GraphQL read would be.
    const listed = connect(confidential.id, office);
    await listed.authenticated;
    expect(listed.provider.authorizedScope).toBe('readonly');
    const audit = await db.orm.em
      .fork()
      .find(Event, { subjectId: confidential.id, type: EventType.PROPOSAL_READ, auditOnly: true });
    expect(audit.map((event) => event.actor?.id)).toEqual([office.user.id]);
  });

  it('closes the connection of a drafter removed from the lead unit, keeping the socket’s other documents', async () => {
    const proposal = await newProposal();
    const internal = await newProposal({ classification: Classification.INTERNAL });
    const revoked = connect(proposal.id, drafter);
    const stays = connect(proposal.id, owner);
    await Promise.all([revoked.authenticated, stays.authenticated]);
    appendParagraph(revoked.doc, 'Trước khi rời đơn vị');
    await until(() => paragraphs(stays.doc).length === 1, 'the first paragraph');

    const removed = await gql(
      admin.token,
      `mutation($input: RemoveMembershipInput!) { removeMembership(input: $input) }`,
      { input: { userId: drafter.user.id, unitId: department.id } },
    );
    expect(removed.errors).toBeUndefined();
    await until(() => revoked.closes.some((reason) => reason.startsWith('FORBIDDEN: ')), 'the close');
    const document = server.collab.hocuspocus.documents.get(proposalDocumentName(proposal.id))!;
    expect(document.getConnectionsCount()).toBe(1);

    // Edits after it go nowhere. A second document on the same socket (readable by everyone) is a fence: its
    // answer comes after the server has received the edit.
    appendParagraph(revoked.doc, 'Sau khi rời đơn vị');
    await new Promise<void>((resolve) => {
      const other = new HocuspocusProvider({
        websocketProvider: revoked.socket,
        name: proposalDocumentName(internal.id),
        token: drafter.token,
        onAuthenticated: () => {
          other.destroy();
          resolve();
        },
      });
      other.attach();
    });
    expect(paragraphs((await stored(proposal.id)).doc)).toEqual(['Trước khi rời đơn vị']);
    expect(paragraphs(stays.doc)).toEqual(['Trước khi rời đơn vị']);

    // Restored for the next tests.
    const restored = await gql(
      admin.token,
      `mutation($input: SetMembershipInput!) { setMembership(input: $input) { membership { role } } }`,
      { input: { userId: drafter.user.id, unitId: department.id, role: MembershipRole.MEMBER } },
    );
    expect(restored.errors).toBeUndefined();
  });

  it('makes drafters read-only once the proposal is submitted, and closes a signed-out session', async () => {
    const proposal = await newProposal();
    const editor = connect(proposal.id, owner);
    const reader = connect(proposal.id, office);
    await Promise.all([editor.authenticated, reader.authenticated]);
    appendParagraph(editor.doc, 'Bản trình');
    await until(() => paragraphs(reader.doc).length === 1, 'the paragraph');

    const moved = await gql(
      owner.token,
      `mutation($input: ChangeProposalStatusInput!) { changeProposalStatus(input: $input) { proposal { status } } }`,
      { input: { proposalId: proposal.id, to: ProposalStatus.SUBMITTED, expectedVersion: proposal.version } },
    );
    expect(moved.errors).toBeUndefined();
    await until(() => editor.stateless.length > 0, 'the access message');
    expect(JSON.parse(editor.stateless[0]!)).toEqual({ type: 'access', access: 'read' });
    const document = server.collab.hocuspocus.documents.get(proposalDocumentName(proposal.id))!;
    expect(document.getConnections().map((connection) => connection.readOnly)).toEqual([true, true]);

    const signedOut = await gql(office.token, `mutation { logout }`);
    expect(signedOut.errors).toBeUndefined();
    await until(() => reader.closes.some((reason) => reason.startsWith('UNAUTHENTICATED: ')), 'the close');
    expect(document.getConnectionsCount()).toBe(1);
  });

  it('stores the edits of two instances serving one body merged, and brings each the other’s', async () => {
    const second = await startServer(config, db, { collabRecheckMs: 100 });
    try {
      const proposal = await newProposal();
      const one = connect(proposal.id, drafter);
      const two = collabClient(second.url, proposal.id, owner.token);
      clients.push(two);
      await Promise.all([one.authenticated, two.authenticated]);
      // An edit is acknowledged once its instance has stored it: one after the other, the second instance's
      // store merges what the first stored.
      appendParagraph(one.doc, 'Ý kiến từ máy chủ một');
      await until(() => !one.provider.hasUnsyncedChanges, 'the first ack');
      appendParagraph(two.doc, 'Ý kiến từ máy chủ hai');
      await until(() => !two.provider.hasUnsyncedChanges, 'the second ack');
      const body = await stored(proposal.id);
      expect([...paragraphs(body.doc)].sort()).toEqual(['Ý kiến từ máy chủ hai', 'Ý kiến từ máy chủ một']);
      expect(body.bodyText.split('\n').sort()).toEqual(['Ý kiến từ máy chủ hai', 'Ý kiến từ máy chủ một']);
      // The second instance's store brought it the first's paragraph, and it relayed it to its client; the
      // first instance's next store brings it the second's.
      await until(() => paragraphs(two.doc).length === 2, "the first instance's paragraph");
      appendParagraph(one.doc, 'Ý kiến thêm từ máy chủ một');
      await until(() => paragraphs(one.doc).length === 3, "the other instance's paragraph");
    } finally {
      await second.stop();
    }
  });

  it('closes a socket that sends more than it may for a document it has no connection to', async () => {
    const proposal = await newProposal();
    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab`);
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    // A Yjs update message for the document, never authenticated: Hocuspocus would queue them all.
    const name = Buffer.from(proposalDocumentName(proposal.id));
    const message = Buffer.concat([Buffer.from([name.length]), name, Buffer.alloc(64 * 1024, 0)]);
    for (let i = 0; i < 20; i++) socket.send(message);
    expect(await closed).toBe(1008);
  });

  it('opens a body that has only text as that text, and stores its text again after edits', async () => {
    const proposal = await newProposal({ bodyText: 'Dòng một\n\nDòng ba' });
    const first = connect(proposal.id, owner);
    await first.authenticated;
    await until(() => first.provider.synced, 'the first sync');
    expect(paragraphs(first.doc)).toEqual(['Dòng một', '', 'Dòng ba']);
    // Nothing was written by opening it.
    const row = await db.orm.em.fork().findOneOrFail(Proposal, proposal.id, { fields: ['body'] });
    expect(row.body).toBeNull();

    const text = first.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    (text.get(0) as Y.XmlText).insert('Dòng một'.length, ' (sửa)');
    const heading = new Y.XmlElement('heading');
    // TipTap's attributes keep their JSON type (a heading's level is a number); Yjs's typings say string.
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText('Phần II')]);
    first.doc.getXmlFragment('default').insert(2, [heading]);
    await until(() => !first.provider.hasUnsyncedChanges, 'the edits to be acknowledged');
    const body = await stored(proposal.id);
    expect(body.bodyText).toBe('Dòng một (sửa)\n\nPhần II\nDòng ba');
    expect(body.bodyHtml).toBe('<p>Dòng một (sửa)</p><p></p><h2>Phần II</h2><p>Dòng ba</p>');
    expect(paragraphs(body.doc)).toEqual(paragraphs(first.doc));
  });
});
