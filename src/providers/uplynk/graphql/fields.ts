import { ChangeRef } from '../../../../schema/change.js';
import { builder } from '../../../../schema/builder.js';
import { badInput, unsupported } from '../../../errors/domain.js';
import type { ChangeFeedPage } from '../../types.js';
import { UplynkAssetRef } from './asset.js';
import { costs } from '../../../cost/rule.js';

const ChangeFeedRef = builder.objectRef<ChangeFeedPage>('ChangeFeed').implement({
  fields: (t) => ({
    changes: t.field({ type: [ChangeRef], resolve: (p) => p.changes }),
    start: t.expose('start', { type: 'DateTime' }),
    next: t.expose('next', {
      type: 'DateTime',
      description: 'Pass as `since` to read on. Uplynk reports the change at this boundary again on the next read; skip what you have seen.',
    }),
  }),
});

builder.queryFields((t) => ({
  changes: t.field({
    type: ChangeFeedRef,
    nullable: true,
    description: "Uplynk's change feed from `since`: assets updated or deleted, with the cursor to read on (null, with an error, when Uplynk fails).",
    args: { since: t.arg({ type: 'DateTime', required: true }) },
    // One asset/changes call; the changed assets it embeds prime the loaders.
    extensions: costs((_args, env) => ({ calls: env.providers.has('UPLYNK') ? 1 : 0 })),
    resolve: async (_root, { since }, ctx) => {
      if (since.getTime() > Date.now()) throw badInput('since must not be in the future', { argument: 'since' });
      const feed = ctx.providers.get('UPLYNK').changes;
      if (!feed) throw unsupported('UPLYNK', 'a change feed');
      const page = await feed.changesSince(since);
      ctx.loaders.prime(page.changes.flatMap((c) => (c.asset ? [c.asset] : [])));
      return page;
    },
  }),
  assetByExternalId: t.field({
    type: UplynkAssetRef,
    nullable: true,
    description: 'An Uplynk asset by its external id.',
    args: { externalId: t.arg.string({ required: true }) },
    extensions: costs((_args, env) => ({ calls: env.providers.has('UPLYNK') ? 1 : 0 })),
    resolve: (_root, { externalId }, ctx) => {
      if (externalId.length === 0 || externalId.length > 512) {
        throw badInput('externalId must be 1–512 characters', { argument: 'externalId' });
      }
      ctx.providers.get('UPLYNK');
      return ctx.loaders.byExternalId('UPLYNK').load(externalId);
    },
  }),
}));
