import { Rejection } from '../../../sandbox/uplynk/params.js';

/** The message of the Rejection (Uplynk's error envelope text) `fn` throws; fails if it throws none. */
export function rejectionOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof Rejection) return error.message;
    throw error;
  }
  throw new Error('expected a rejection');
}
