import type { Job } from '../jobs/job.js';
import { tellLateRecommendations } from './notices.js';

/** Once a day, the owners of recommendations that fell late are told, each once. */
export const lateRecommendations: Job = {
  name: 'reports.late_recommendations',
  everySeconds: 24 * 3600,
  run: (db) => db.transaction().execute(async (trx) => ({ told: await tellLateRecommendations(trx) })),
};

export const reportJobs: Job[] = [lateRecommendations];
