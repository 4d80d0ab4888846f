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
