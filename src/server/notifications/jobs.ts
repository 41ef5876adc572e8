import type { Job, Worker } from '../jobs/job.js';
import { startDelivery } from './outbox/deliver.js';
import { gatherDigests, purgeOld } from './outbox/queries.js';

/** Once a day, each person's notices held for the digest become one email. */
export const dailyDigest: Job = {
  name: 'notifications.daily_digest',
  everySeconds: 24 * 3600,
  allowRunNow: false,
  run: async (db) => ({ digests: await gatherDigests(db) }),
};

/** Sent emails are kept three months and notices a year: enough to answer "was I told?". */
export const purgeNotifications: Job = {
  name: 'notifications.purge',
  everySeconds: 24 * 3600,
  run: (db) => purgeOld(db),
};

export const notificationJobs: Job[] = [dailyDigest, purgeNotifications];

/** Every instance sends the outbox; the claims on its rows keep each email to one sender. */
export const notificationWorkers: Worker[] = [
  { name: 'notifications.send', start: (db, config, log) => startDelivery(db, config, { log }) },
];
