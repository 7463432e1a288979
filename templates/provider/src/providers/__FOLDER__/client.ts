import { ProviderError } from '../../errors/domain.js';
import { mapLimit } from '../concurrency.js';
import { createHttp, type ClientOptions } from '../http/index.js';
import type { ProviderClient } from '../port.js';
import type { __PASCAL__Config } from './env.js';
import { classify__PASCAL__Error, map__PASCAL__Asset } from './map.js';
import type { __PASCAL__Asset } from './types.js';
import { __CAMEL__Asset, __CAMEL__AssetList } from './wire.js';

export type __PASCAL__Client = ProviderClient<__PASCAL__Asset>;

/** __LABEL__ over its REST API: bearer auth, reads by id (no multi-get) and an offset/limit list. */
export function create__PASCAL__Client(config: __PASCAL__Config, options: ClientOptions): __PASCAL__Client {
  const http = createHttp(
    { provider: '__ENUM__', baseUrl: config.baseUrl, headers: { authorization: `Bearer ${config.token}` }, classify: classify__PASCAL__Error },
    options,
  );
  const getAsset = async (id: string) => {
    try {
      const path = `/assets/${encodeURIComponent(id)}`;
      return map__PASCAL__Asset(await http.request({ method: 'GET', path, endpoint: 'GET /assets/{id}', schema: __CAMEL__Asset }));
    } catch (error) {
      if (error instanceof ProviderError && error.kind === 'NOT_FOUND') return null;
      throw error;
    }
  };
  return {
    assets: {
      name: '__ENUM__',
      maxBatch: 1,
      getAssets: async (ids) => (await mapLimit(ids, options.upstream.concurrency, getAsset)).filter((a) => a !== null),
      async listAssets(window) {
        const page = await http.request({
          method: 'GET',
          path: '/assets',
          endpoint: 'GET /assets',
          query: { offset: window.offset, limit: window.limit },
          schema: __CAMEL__AssetList,
        });
        return { items: page.data.map(map__PASCAL__Asset), hasNextPage: window.offset + page.data.length < page.total, totalCount: page.total };
      },
      // One call per window, as listAssets above makes: the cost model prices lists with this.
      listCalls: () => 1,
    },
    close: () => http.close(),
  };
}
