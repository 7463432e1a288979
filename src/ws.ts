import type { Server } from 'node:http';
import { GraphQLError, type DocumentNode, type ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { bearer, type CallerAuth } from './auth.js';
import { looksLikeJwt } from './jwt.js';
import { codeRequestError } from './errors.js';

type Enveloped = ReturnType<YogaServerInstance<Record<string, unknown>, Record<string, unknown>>['getEnveloped']>;

/**
 * graphql-ws (the `graphql-transport-ws` subprotocol) on the same /graphql endpoint as HTTP, run
 * through yoga's envelope: the same parse/validate caches, plugins, context and error masking apply
 * to websocket operations as to HTTP ones, and the same caller check as HTTP.
 */
export function attachWebSockets(
  server: Server,
  yoga: YogaServerInstance<any, any>,
  auth: CallerAuth,
  verifyJwt: ((token: string) => Promise<boolean>) | undefined,
  path = '/graphql',
) {
  const wss = new WebSocketServer({ server, path });
  const disposable = useServer(
    {
      // connection_init carries { authorization }; returning false closes the socket with 4403.
      onConnect: async (ctx) => {
        const authorization = String(ctx.connectionParams?.authorization ?? '');
        if (auth.authenticate(authorization)) return true;
        const token = bearer(authorization);
        return verifyJwt !== undefined && looksLikeJwt(token) && (await verifyJwt(token));
      },
      execute: (args: ExecutionArgs) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args: ExecutionArgs) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        // Only what the envelope uses: this object lives as long as the subscription, so spreading the
        // whole socket context (or the subscribe message) into it cost memory per subscriber.
        const enveloped = yoga.getEnveloped({
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          connectionParams: ctx.connectionParams,
        }) as Enveloped;
        let document: DocumentNode;
        try {
          document = enveloped.parse(params.query);
          // graphql-armor throws its rejections (propagateOnRejection) rather than returning them.
          const errors = enveloped.validate(enveloped.schema, document);
          if (errors.length > 0) return errors.map(codeRequestError);
        } catch (error) {
          if (error instanceof GraphQLError) return [codeRequestError(error)];
          throw error;
        }
        return {
          schema: enveloped.schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await enveloped.contextFactory(),
          // execute/subscribe above take the envelope's own functions from here.
          rootValue: enveloped,
        };
      },
    },
    wss,
  );
  return {
    /** Completes every subscription (close code 1001, going away) and stops the server. */
    async close(): Promise<void> {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
