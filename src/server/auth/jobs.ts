import type { Job } from '../jobs/job.js';
import { purgeExpired } from './service.js';

/** Every hour: expired sessions and sign-in failures older than any rate-limit window go. */
export const authJobs: Job[] = [{ name: 'auth.purge_expired', everySeconds: 3600, run: (db) => purgeExpired(db) }];
