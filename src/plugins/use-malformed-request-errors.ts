import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

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
