import { badInput, unsupported } from '../../src/errors/domain.js';
import { builder } from '../../schema/builder.js';
import { ChangeFeedRef } from '../../schema/change.js';

builder.queryField('changes', (t) =>
  t.field({
    type: ChangeFeedRef,
    nullable: true,
    description: "Uplynk's change feed from `since`: assets updated or deleted, with the cursor to read on (null, with an error, when Uplynk fails).",
    args: { since: t.arg({ type: 'DateTime', required: true }) },
    resolve: async (_root, { since }, ctx) => {
      if (since.getTime() > Date.now()) throw badInput('since must not be in the future', { argument: 'since' });
      const feed = ctx.providers.get('UPLYNK').changes;
      if (!feed) throw unsupported('UPLYNK', 'a change feed');
      const page = await feed.changesSince(since);
      ctx.loaders.prime(page.changes.flatMap((c) => (c.asset ? [c.asset] : [])));
      return page;
    },
  }),
);
