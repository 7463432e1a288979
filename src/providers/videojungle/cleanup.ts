import { ProviderError } from '../../errors/domain.js';
import { abandonedUpload, fileStreamFailure } from '../file-stream.js';
import { lostReply, mayHaveLanded } from '../upload-outcome.js';

/**
 * After a step failed, undoes what the step before it made, but only once the failure is certain: a
 * step with no reply (a timeout, a dropped connection) may have landed, and may already use what came
 * before (a stored file, a reference to a video file), so that is kept and named instead. A deleted
 * upload is data lost; a stray asset the caller can remove.
 */
export async function cleanUpAfter(error: unknown, made: string, undo: () => Promise<unknown>): Promise<never> {
  if (mayHaveLanded(error)) {
    throw lostReply(error, `Video Jungle may have completed it: ${made} was kept (look at it before trying again)`);
  }
  // The caller's own file broke mid-send: no whole file reached Video Jungle, so the undo is safe.
  const broken = fileStreamFailure(error);
  return undoing(broken ? abandonedUpload(broken) : error, made, undo);
}

/** A step's error, noting what its cleanup could not undo; the step's error itself when cleanup worked. */
async function undoing(error: unknown, what: string, undo: () => Promise<unknown>): Promise<never> {
  try {
    await undo();
  } catch (cleanup) {
    if (error instanceof ProviderError && !(cleanup instanceof ProviderError && cleanup.kind === 'NOT_FOUND')) {
      const detail = `${error.detail}; ${what} it created first could not be removed: ${(cleanup as Error).message}`;
      throw new ProviderError(error.kind, error.provider, error.endpoint, detail, { ...error.options, cause: error });
    }
  }
  throw error;
}
