import { createLeesmapConnection } from '@/utils/db';

/** One connection per service-worker life; reopened after a version change or a failure. */
export const database = createLeesmapConnection();
