import { z } from 'zod';
import type { UserError } from '../../src/errors/to-user-errors.js';
import { ProviderProblemRef, type ProviderProblem } from '../connection.js';
import { describedInput, optional, required } from '../input.js';
import { payloadType } from '../mutation.js';

const MAX_DELETE_IDS = 1000;

export const DeleteAssetsInput = describedInput('DeleteAssetsInput', {
  fields: {
    ids: required(['ID'], z.array(z.string()).min(1, 'give at least one id').max(MAX_DELETE_IDS, `at most ${MAX_DELETE_IDS} ids per call`), {
      description: `Asset IDs of any providers, 1–${MAX_DELETE_IDS}.`,
    }),
    force: optional('Boolean', z.boolean(), { defaultValue: false, description: 'Twelve Labs: delete even when an index still uses the asset.' }),
  },
});

export interface DeletePayload {
  deletedIds: string[];
  userErrors: UserError[];
  failedProviders: ProviderProblem[];
}

export const DeleteAssetsPayload = payloadType<DeletePayload>(
  'DeleteAssetsPayload',
  (t) => ({
    deletedIds: t.idList({ resolve: (p) => p.deletedIds, description: 'What was deleted.' }),
    failedProviders: t.field({
      type: [ProviderProblemRef],
      resolve: (p) => p.failedProviders,
      description: 'Providers that could not be reached for their ids (nothing of theirs was deleted); the rest went ahead.',
    }),
  }),
  'One per id that was not deleted because of the input (unknown id, in use, unsupported).',
);
