import { openLeesmapDB, type LeesmapDatabase } from '@/utils/db';

let opening: Promise<LeesmapDatabase> | undefined;

/** One connection per service-worker life; reopened after a failure so the next call can retry. */
export function database(): Promise<LeesmapDatabase> {
  if (!opening) {
    opening = openLeesmapDB().catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
  }
  return opening;
}
