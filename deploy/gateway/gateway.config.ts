import type { GatewayConfigSupergraph } from '@graphql-hive/gateway-runtime';

/**
 * Hive Gateway in compose.yaml (mounted at /gateway, run as `hive-gateway supergraph`). The supergraph
 * is composed by `npm run supergraph`. test/integration/production/gateway-deployment.test.ts runs
 * this configuration in-process in front of assetfed.
 */

/**
 * Client headers every assetfed instance needs: the caller's token (assetfed checks callers itself,
 * on every transport) and the request id its logs are keyed by. The gateway forwards none by default.
 */
const FORWARDED_HEADERS = ['authorization', 'x-request-id'];

export const gatewayConfig = {
  supergraph: './supergraph.graphql',
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) =>
      Object.fromEntries(FORWARDED_HEADERS.flatMap((name) => (request.headers.has(name) ? [[name, request.headers.get(name)]] : []))),
  },
} satisfies GatewayConfigSupergraph;
