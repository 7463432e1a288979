import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import { useGraphiQLAssets } from './assets.js';
import { findExampleIds, placeholderIds, type RunQuery } from './example-ids.js';
import { exampleTabs, type ExampleIds } from './example-tabs.js';
import { renderGraphiQLPage } from './page.js';

export { GRAPHIQL_ASSET_PATHS } from './assets.js';
export type { RunQuery } from './example-ids.js';

export interface GraphiQLSettings {
  /** Sandbox providers: the tabs are filled with ids read from them. Real providers: placeholders. */
  sandbox: boolean;
  /** Callers need a token: new tabs start with an Authorization header to fill in. */
  tokenRequired: boolean;
  /** Runs a query against this server (the sandbox's ids are read through the API). */
  run: RunQuery;
  onError?: (error: unknown) => void;
}

export interface GraphiQL {
  /** yoga's `graphiql` option, resolved per page: the example tabs with current ids. */
  options: () => Promise<GraphiQLOptions>;
  /** yoga's `renderGraphiQL`. */
  render: (options: GraphiQLOptions) => string;
  /** Serves GraphiQL's files (list it after the caller check; its paths are open). */
  plugin: Plugin;
}

/** How long the sandbox's example ids are reused before they are read again (statuses move on). */
const IDS_TTL_MS = 60_000;

export function createGraphiQL(settings: GraphiQLSettings): GraphiQL {
  let cached: { at: number; ids: Promise<ExampleIds> } | undefined;
  const ids = (): Promise<ExampleIds> => {
    if (!settings.sandbox) return Promise.resolve(placeholderIds());
    const now = Date.now();
    if (!cached || now - cached.at > IDS_TTL_MS) {
      const read = findExampleIds(settings.run).catch((error: unknown) => {
        settings.onError?.(error);
        cached = undefined;
        return placeholderIds();
      });
      cached = { at: now, ids: read };
    }
    return cached.ids;
  };
  const headers = settings.tokenRequired ? JSON.stringify({ Authorization: 'Bearer <your token>' }, null, 2) : undefined;

  return {
    async options() {
      const tabs = exampleTabs(await ids()).map((tab) => (headers ? { ...tab, headers } : tab));
      return {
        title: 'assetfed',
        subscriptionsProtocol: 'WS',
        defaultTabs: tabs,
        ...(headers ? { defaultHeaders: headers } : {}),
      };
    },
    render: renderGraphiQLPage,
    plugin: useGraphiQLAssets(),
  };
}
