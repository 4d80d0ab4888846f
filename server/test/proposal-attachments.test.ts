// Files of a proposal (issue 11 item 6): added through the real `POST /uploads` (multipart, as a browser sends
// it) with `proposalId`, by the proposal's drafters and the office while it is in the workflow; listed and
// downloaded by whoever may read the proposal; removed with `removeProposalAttachment`. The checks of a
// meeting's files (size, kind by content, name) apply. Every refusal is coded and writes nothing.
import { createHash, randomBytes } from 'node:crypto';
import {
  ApiTokenScope,
  Classification,
  EventType,
  MembershipRole,
  ProposalKind,
  ProposalStatus,
  UnitKind,
} from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Attachment, Event, Proposal, Unit } from '../src/entities/index.js';
import { buildApiToken, buildOrganization, buildUser } from './support/factories.js';
import { buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

type Role = 'drafter' | 'office' | 'reader' | 'outsider' | 'stranger' | 'readOnly';

interface UploadAnswer {
  attachment?: {
    id: string;
    meetingId: string | null;
    proposalId: string | null;
    name: string;
    mediaType: string;
    size: number;
    sha256: string;
  };
  errors?: { message: string; extensions: { code: string; field?: string } }[];
}

/** `size` bytes that a content check takes for a PDF: the magic bytes, then noise. */
function pdf(size: number): Buffer {
  const content = randomBytes(size);
  content.write('%PDF-1.7\n');
  return content;
}

const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;

describe('files of a proposal', () => {
  let t: TestServer;
  const tokens = {} as Record<Role, string>;
  let departmentId: string;
  let meetingId: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      departmentId = tenant.department.id;
      tokens.drafter = tenant.member.token;
      tokens.office = tenant.office.token;
      const other = em.create(Unit, {
        organization: tenant.organization,
        name: 'Ủy ban Kiểm tra',
        kind: UnitKind.DEPARTMENT,
      });
      await em.flush();
      tokens.reader = (
        await buildUser(em, tenant.organization, { unit: other, role: MembershipRole.MEMBER })
      ).token;
      // The same person as `reader`, met on a RESTRICTED proposal of another unit.
      tokens.outsider = tokens.reader;
      tokens.readOnly = (await buildApiToken(em, tenant.member.user, [ApiTokenScope.READ])).token;
      const elsewhere = await buildOrganization(em, 'Another organization');
      tokens.stranger = (await buildUser(em, elsewhere.organization, { unit: elsewhere.office })).token;
      meetingId = (await buildMeetingIn(em, tenant.organization, tenant.committee)).id;
    });
  });
  afterAll(() => t.close());

  const gql = <T>(role: Role, query: string, variables: Record<string, unknown> = {}) =>
    t.gql<T>(query, variables, tokens[role]);

  async function newProposal(classification = Classification.INTERNAL): Promise<string> {
    const created = await gql<{ createProposal: { proposal: { id: string } } }>(
      'drafter',
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id } } }`,
      {
        input: {
          title: 'Đề án nhân sự',
          kind: ProposalKind.PROPOSAL,
          leadUnitId: departmentId,
          classification,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createProposal.proposal.id;
  }

  const send = async (
    role: Role,
    fields: Record<string, string>,
    name = 'phu-luc.pdf',
    content: Uint8Array = pdf(2000),
  ): Promise<{ status: number; body: UploadAnswer }> => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    form.set('file', new Blob([content], { type: 'application/pdf' }), name);
    const response = await fetch(`${t.url}/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[role]}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as UploadAnswer };
  };

  const files = async (role: Role, proposalId: string) =>
    (
      await gql<{
        proposal: {
          attachments: { totalCount: number; edges: { node: { id: string; name: string } }[] };
        } | null;
      }>(
        role,
        `query($id: ID!) { proposal(id: $id) { attachments { totalCount edges { node { id name } } } } }`,
        { id: proposalId },
      )
    ).data?.proposal?.attachments ?? null;

  const download = async (role: Role, id: string) =>
    (
      await gql<{ attachment: { proposalId: string | null; contentBase64: string; sha256: string } | null }>(
        role,
        `query($id: ID!) { attachment(id: $id) { proposalId sha256 contentBase64 } }`,
        { id },
      )
    ).data?.attachment ?? null;

  const remove = (role: Role, id: string) =>
    gql<{ removeProposalAttachment: { removedId: string; proposal: { id: string } } }>(
      role,
      `mutation($input: RemoveProposalAttachmentInput!) { removeProposalAttachment(input: $input) { removedId proposal { id } } }`,
      { input: { id } },
    );

  const counts = async () => ({
    files: await t.db.orm.em.fork().count(Attachment, {}),
    events: await t.db.orm.em.fork().count(Event, {}),
  });

  it('is added by the drafters and the office, listed and downloaded by readers, removed with its event', async () => {
    const proposalId = await newProposal();
    const content = pdf(3000);
    const added = await send('drafter', { proposalId }, 'Phụ lục số liệu.pdf', content);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const file = added.body.attachment!;
    expect(file).toMatchObject({
      meetingId: null,
      proposalId,
      name: 'Phụ lục số liệu.pdf',
      mediaType: 'application/pdf',
      size: 3000,
      sha256: sha256(content),
    });
    const byOffice = await send('office', { proposalId }, 'y-kien-van-phong.pdf');
    expect(byOffice.status).toBe(201);

    const listed = await files('reader', proposalId);
    expect(listed!.totalCount).toBe(2);
    expect(listed!.edges.map((e) => e.node.name)).toEqual(['Phụ lục số liệu.pdf', 'y-kien-van-phong.pdf']);
    const read = await download('reader', file.id);
    expect(read!.proposalId).toBe(proposalId);
    expect(Buffer.from(read!.contentBase64, 'base64').equals(content)).toBe(true);
    expect(await download('stranger', file.id)).toBeNull();

    const events = await t.db.orm.em
      .fork()
      .find(
        Event,
        { scopeId: proposalId, type: EventType.PROPOSAL_ATTACHMENT_ADDED },
        { orderBy: { seq: 'asc' } },
      );
    expect(events[0]).toMatchObject({
      subjectType: 'PROPOSAL',
      subjectId: proposalId,
      changes: {
        attachmentId: { before: null, after: file.id },
        name: { before: null, after: 'Phụ lục số liệu.pdf' },
        size: { before: null, after: 3000 },
      },
    });
    // What the viewer may do says so.
    const can = await gql<{ proposal: { viewerCan: { changeAttachments: boolean } } }>(
      'reader',
      `query($id: ID!) { proposal(id: $id) { viewerCan { changeAttachments } } }`,
      { id: proposalId },
    );
    expect(can.data!.proposal.viewerCan.changeAttachments).toBe(false);

    const removed = await remove('drafter', file.id);
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeProposalAttachment).toEqual({
      removedId: file.id,
      proposal: { id: proposalId },
    });
    expect((await files('reader', proposalId))!.totalCount).toBe(1);
    const [gone] = await t.db.orm.em
      .fork()
      .find(Event, { scopeId: proposalId, type: EventType.PROPOSAL_ATTACHMENT_REMOVED });
    expect(gone!.changes).toEqual({
      attachmentId: { before: file.id, after: null },
      name: { before: 'Phụ lục số liệu.pdf', after: null },
    });
    expect(code(await remove('drafter', file.id))).toBe('NOT_FOUND');
  });

  it('refuses uploads by whoever may not change the files, of a final proposal, and of a wrong kind, writing nothing', async () => {
    const proposalId = await newProposal();
    const restricted = await newProposal(Classification.RESTRICTED);
    const adopted = await newProposal();
    await t.db.orm.em.fork().nativeUpdate(Proposal, { id: adopted }, { status: ProposalStatus.ADOPTED });
    const cases: [string, Role, Record<string, string>, number, string, string?, string?][] = [
      ['a reader', 'reader', { proposalId }, 403, 'FORBIDDEN'],
      ['a read-only token', 'readOnly', { proposalId }, 403, 'FORBIDDEN'],
      ['a member of another unit, RESTRICTED', 'outsider', { proposalId: restricted }, 404, 'NOT_FOUND'],
      ['another organization', 'stranger', { proposalId }, 404, 'NOT_FOUND'],
      ['an ADOPTED proposal', 'drafter', { proposalId: adopted }, 400, 'BAD_USER_INPUT', 'proposalId'],
      ['not an id', 'drafter', { proposalId: 'not-an-id' }, 400, 'BAD_USER_INPUT', 'proposalId'],
      ['a meeting and a proposal', 'drafter', { proposalId, meetingId }, 400, 'BAD_USER_INPUT', 'proposalId'],
      [
        'a file that is not what its name says',
        'drafter',
        { proposalId },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        undefined,
        'gia.docx',
      ],
      [
        'a name with a text-direction control',
        'drafter',
        { proposalId },
        400,
        'BAD_USER_INPUT',
        'name',
        'a\u202efdp.exe.pdf',
      ],
    ];
    for (const [what, role, fields, status, expected, field, name] of cases) {
      const before = await counts();
      const answer = await send(role, fields, name);
      expect(answer.status, what).toBe(status);
      expect(answer.body.errors?.[0]?.extensions, what).toEqual({
        code: expected,
        ...(field ? { field } : {}),
      });
      expect(await counts(), what).toEqual(before);
    }
    // Too large, as for a meeting's files.
    const before = await counts();
    const large = await send('drafter', { proposalId }, 'lon.pdf', pdf(5 * 1024 * 1024 + 1));
    expect(large.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('refuses removals by readers, strangers, of a final proposal, and across meetings and proposals, writing nothing', async () => {
    const proposalId = await newProposal();
    const restricted = await newProposal(Classification.RESTRICTED);
    const file = (await send('drafter', { proposalId })).body.attachment!;
    const hidden = (await send('drafter', { proposalId: restricted })).body.attachment!;
    const meetingFile = (await send('office', { meetingId })).body.attachment!;
    expect(meetingFile.proposalId).toBeNull();
    const adopted = await newProposal();
    const final = (await send('drafter', { proposalId: adopted })).body.attachment!;
    await t.db.orm.em.fork().nativeUpdate(Proposal, { id: adopted }, { status: ProposalStatus.ADOPTED });

    const cases: [string, () => Promise<GraphQLResponse<unknown>>, string][] = [
      ['a reader', () => remove('reader', file.id), 'FORBIDDEN'],
      ['another organization', () => remove('stranger', file.id), 'NOT_FOUND'],
      ['a member of another unit, RESTRICTED', () => remove('outsider', hidden.id), 'NOT_FOUND'],
      ['an ADOPTED proposal', () => remove('drafter', final.id), 'BAD_USER_INPUT'],
      ['a meeting’s file', () => remove('office', meetingFile.id), 'NOT_FOUND'],
      [
        'a proposal’s file through the meeting mutation',
        () =>
          gql(
            'office',
            `mutation($input: RemoveAttachmentInput!) { removeAttachment(input: $input) { removedId } }`,
            {
              input: { id: file.id },
            },
          ),
        'NOT_FOUND',
      ],
    ];
    for (const [what, run, expected] of cases) {
      const before = await counts();
      const refused = await run();
      expect(code(refused), what).toBe(expected);
      expect(await counts(), what).toEqual(before);
    }
    // A refusal about a hidden proposal's file names the file, not the proposal.
    const refused = await remove('outsider', hidden.id);
    expect(refused.errors![0]!.message).not.toContain(restricted);
    // The files of a RESTRICTED proposal are not there for who may not read it.
    expect(await download('outsider', hidden.id)).toBeNull();
    expect(await files('outsider', restricted)).toBeNull();
  });
});
