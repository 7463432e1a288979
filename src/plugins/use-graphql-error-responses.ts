import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { errorResponse } from '../server/error-response.js';

const isAsyncIterable = (value: unknown): value is AsyncGenerator => typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';

const STATUS_CODES: Record<number, [code: string, message: string]> = {
  406: ['NOT_ACCEPTABLE', 'Not acceptable: accept application/graphql-response+json or application/json (text/event-stream for subscriptions).'],
  415: [
    'UNSUPPORTED_MEDIA_TYPE',
    'Unsupported content type: send application/json, application/graphql, application/x-www-form-urlencoded or multipart/form-data.',
  ],
};

/**
 * Every error response of the endpoint is a GraphQL error: yoga answers an unsupported content type
 * (415) and an unacceptable Accept (406) with an empty body. Also closes a subscription a request
 * could not stream (Accept without text/event-stream, or inside a batch): yoga would leave it
 * running in the live engine, with a bodiless 406 or `{}` in the batch.
 */
export function useGraphQLErrorResponses(endpoint = '/graphql'): Plugin {
  const coded = (status: number, headers: Headers, fetchAPI: { Response: typeof Response }) => {
    const [code, message] = STATUS_CODES[status] ?? ['BAD_REQUEST', `HTTP ${status}`];
    return errorResponse(status, code, message, { headers: Object.fromEntries(headers), fetchAPI });
  };
  return {
    onResultProcess({ result, setResult, resultProcessor, setResultProcessor }) {
      if (Array.isArray(result) && result.some(isAsyncIterable)) {
        setResult(
          result.map((entry) => {
            if (!isAsyncIterable(entry)) return entry;
            void entry.return?.(undefined);
            return {
              errors: [
                new GraphQLError('Subscriptions cannot be batched: send each on its own, over SSE or graphql-ws.', { extensions: { code: 'BAD_REQUEST' } }),
              ],
            };
          }) as never,
        );
      } else if (isAsyncIterable(result) && !resultProcessor) {
        void result.return?.(undefined);
        setResultProcessor((_result, fetchAPI) => coded(406, new fetchAPI.Headers(), fetchAPI), 'application/json');
      }
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (response.status < 400 || response.body !== null || new URL(request.url).pathname !== endpoint) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.delete('content-type');
      headers.delete('content-length');
      setResponse(coded(response.status, headers, fetchAPI));
    },
  };
}
