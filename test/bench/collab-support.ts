// What the co-editing benchmarks (collab-relay.ts, collab-writes.ts) do over GraphQL before they measure: sign
// in with the demo accounts, make a proposal whose body they co-edit.

/** The demo accounts' password (the benchmarks start Quorum with it). */
export const demoPassword = process.env.DEMO_PASSWORD ?? 'quorum-demo';

export async function graphql<T>(
  url: string,
  token: string | undefined,
  query: string,
  variables = {},
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { data?: T | null; errors?: unknown[] };
  if (!answer.data || answer.errors?.length)
    throw new Error(`${query.split('\n')[0]}: HTTP ${response.status} ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

export const login = async (url: string, email: string) =>
  (
    await graphql<{ login: { token: string } }>(
      url,
      undefined,
      'mutation Login($input: LoginInput!) { login(input: $input) { token } }',
      { input: { email, password: demoPassword } },
    )
  ).login.token;

/** A new proposal of the writer's (its owner, so an editor), readable by the whole organization. */
export async function newProposal(url: string, token: string): Promise<string> {
  const units = await graphql<{ units: { edges: { node: { id: string; kind: string } }[] } }>(
    url,
    token,
    '{ units(first: 100) { edges { node { id kind } } } }',
  );
  const unit = units.units.edges.find((edge) => edge.node.kind === 'DEPARTMENT');
  if (!unit) throw new Error('the demo data has no department');
  const created = await graphql<{ createProposal: { proposal: { id: string } } }>(
    url,
    token,
    `
      mutation ($input: CreateProposalInput!) {
        createProposal(input: $input) {
          proposal {
            id
          }
        }
      }
    `,
    { input: { title: 'Đề án đo tốc độ chuyển tiếp', kind: 'PROPOSAL', leadUnitId: unit.node.id } },
  );
  return created.createProposal.proposal.id;
}
