// The API as an integrator, or a test setting the scene, calls it: GraphQL over HTTP with a bearer token.

export interface GraphQLAnswer<T> {
  data?: T;
  errors?: unknown[];
}

export async function graphql<T = Record<string, never>>(
  url: string,
  query: string,
  token?: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer<T>;
}

/** The data of an answer that must succeed; its errors, if any, fail the caller. */
export async function graphqlData<T>(
  url: string,
  query: string,
  token?: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const answer = await graphql<T>(url, query, token, variables);
  if (answer.errors || !answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}

/** A session token for `email`, signed in over the API. */
export async function signInOverApi(url: string, email: string, password: string): Promise<string> {
  const data = await graphqlData<{ login: { token: string } }>(
    url,
    `mutation($input: LoginInput!) { login(input: $input) { token } }`,
    undefined,
    { input: { email, password } },
  );
  return data.login.token;
}

/** A REGULAR meeting of the demo data's committee, starting now, made over the API (by the office's `token`). */
export async function createDemoMeeting(url: string, token: string, title: string): Promise<string> {
  const { units } = await graphqlData<{ units: { edges: { node: { id: string; kind: string } }[] } }>(
    url,
    `{ units(first: 100) { edges { node { id kind } } } }`,
    token,
  );
  const committee = units.edges.find((edge) => edge.node.kind === 'COMMITTEE');
  if (!committee) throw new Error('no committee in the demo data');
  const { createMeeting } = await graphqlData<{ createMeeting: { meeting: { id: string } } }>(
    url,
    `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`,
    token,
    { input: { committeeId: committee.node.id, title, kind: 'REGULAR', startsAt: new Date().toISOString() } },
  );
  return createMeeting.meeting.id;
}
