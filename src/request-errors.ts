import { GraphQLError } from 'graphql';
import { mapAsyncIterator, type Plugin } from 'graphql-yoga';
import { presentResult, type PresentationContext } from './server/error-presentation.js';
import { errorResponse } from './server/error-response.js';

const isAsyncIterable = (value: unknown): value is AsyncGenerator =>
  typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';

/**
 * Requests that are malformed or cannot be served get a GraphQL error with a code, never an empty body,
 * a masked INTERNAL_SERVER_ERROR or a 500 (what the fuzz test in test/integration/graphql/fuzz.test.ts
 * sends). Listed after the query-limit plugins in src/app.ts.
 */

/**
 * HTTP and SSE results leave through presentError (src/server/error-presentation.ts), as websocket
 * results do in src/ws.ts: one code and message for one input on every transport. List it before the
 * request log, whose onResultProcess then sees the codes the caller gets.
 */
export function usePresentedErrors(contextOf: (request: Request) => PresentationContext): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      const present = (r: unknown) =>
        (r as { errors?: unknown[] } | null)?.errors?.length ? presentResult(r as never, contextOf(request)) : r;
      if (isAsyncIterable(result)) setResult(mapAsyncIterator(result, present) as never);
      else if (Array.isArray(result)) setResult(result.map(present) as never);
      else setResult(present(result) as never);
    },
  };
}


/**
 * Malformed requests are the caller's mistake, but some reach the error mask as plain errors and come
 * out as "Unexpected error." INTERNAL_SERVER_ERROR: yoga's parsers JSON.parse a GET's or a form's
 * variables and extensions unguarded (SyntaxError) and apply a multipart map to operations of any
 * shape (TypeError); graphql-js' recursive parser overflows the stack on a list literal nested ~2,400
 * deep, which fits in the token limit (RangeError). List it after queryLimitPlugins, so its parse
 * wrapper wraps theirs.
 */
export function useMalformedRequestErrors(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (error instanceof GraphQLError || (error as Error | undefined)?.name === 'AbortError') throw error;
          throw new GraphQLError(
            error instanceof SyntaxError
              ? 'The request could not be read: variables and extensions must be JSON objects.'
              : 'The request could not be read: "operations" and "map" must follow the GraphQL multipart request spec.',
            { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
          );
        }
      });
    },
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parseFn(source, options);
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          throw new GraphQLError('The document is nested too deeply to parse.', {
            extensions: { code: 'QUERY_LIMIT_EXCEEDED', http: { status: 400 } },
          });
        }
      });
    },
  };
}

const STATUS_CODES: Record<number, [code: string, message: string]> = {
  406: ['NOT_ACCEPTABLE', 'Not acceptable: accept application/graphql-response+json or application/json (text/event-stream for subscriptions).'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type: send application/json, application/graphql, application/x-www-form-urlencoded or multipart/form-data.'],
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
              errors: [new GraphQLError('Subscriptions cannot be batched: send each on its own, over SSE or graphql-ws.', { extensions: { code: 'BAD_REQUEST' } })],
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
