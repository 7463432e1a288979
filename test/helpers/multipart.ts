import { assertCostBound, type GraphQLResponse } from './harness.js';

/**
 * A GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec): one
 * operation or a batch, with files mapped onto variable paths ("variables.file" or "0.variables.file").
 */
export async function postMultipart(
  endpoint: string,
  operations: { query: string; variables: Record<string, unknown> } | { query: string; variables: Record<string, unknown> }[],
  files: Record<string, { path: string; file: File }>,
): Promise<{ status: number; body: GraphQLResponse | GraphQLResponse[] | any }> {
  const form = new FormData();
  form.append('operations', JSON.stringify(operations));
  form.append('map', JSON.stringify(Object.fromEntries(Object.entries(files).map(([key, f]) => [key, [f.path]]))));
  for (const [key, { file }] of Object.entries(files)) form.append(key, file, file.name);
  // Node's own fetch, whose FormData this is (undici's npm FormData is another class). yoga's CSRF
  // guard wants a preflight-forcing header on multipart requests.
  const res = await fetch(endpoint, { method: 'POST', body: form, headers: { 'graphql-require-preflight': '1' } });
  const body = await res.json();
  assertCostBound(body);
  return { status: res.status, body };
}
