import { loadConfig } from '../config.js';
import type { Job } from '../jobs/job.js';
import { deleteExpiredContacts } from './protected/service.js';
import { refreshPublication } from './publication/service.js';
import { purgeSubmissions } from './queries.js';

/**
 * Every hour: reporters' contact details past the retention period (INCIDENT_CONTACT_RETENTION_DAYS
 * after the case closed) are deleted, and the rate-limit records older than a day go.
 */
export const incidentJobs: Job[] = [
  {
    name: 'incidents.delete_expired_contacts',
    everySeconds: 3600,
    run: async (db) => {
      const contacts = await deleteExpiredContacts(db, loadConfig().incidentContactRetentionDays);
      const submissions = await purgeSubmissions(db);
      return { contactsDeleted: contacts.deleted, submissionsPurged: Number(submissions.numDeletedRows) };
    },
  },
  {
    // Once a day, and only then, the public statistics and the early-warning figures of verified
    // incidents change: never at the moment of one verification.
    name: 'incidents.publish_statistics',
    everySeconds: 24 * 3600,
    allowRunNow: false,
    run: async (db) => refreshPublication(db),
  },
];
