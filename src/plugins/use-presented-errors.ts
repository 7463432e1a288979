import { mapAsyncIterator, type Plugin } from 'graphql-yoga';
import { presentResult, type PresentationContext } from '../server/error-presentation.js';

const isAsyncIterable = (value: unknown): value is AsyncGenerator => typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';

/**
 * HTTP and SSE results leave through presentError (src/server/error-presentation.ts), as websocket
 * results do in src/server/ws.ts: one code and message for one input on every transport. List it before the
 * request log, whose onResultProcess then sees the codes the caller gets.
 */
export function usePresentedErrors(contextOf: (request: Request) => PresentationContext): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      const present = (r: unknown) => ((r as { errors?: unknown[] } | null)?.errors?.length ? presentResult(r as never, contextOf(request)) : r);
      if (isAsyncIterable(result)) setResult(mapAsyncIterator(result, present) as never);
      else if (Array.isArray(result)) setResult(result.map(present) as never);
      else setResult(present(result) as never);
    },
  };
}
