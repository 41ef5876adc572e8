import { loadConfig } from '../config.js';
import type { Job } from '../jobs/job.js';
import { deleteExpiredContacts } from './protected.js';
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
];
