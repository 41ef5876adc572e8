import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { notify } from '../notifications/notify.js';

/**
 * Tells a reviewer that a case was assigned to them. The notice (and its email) holds a short
 * reference and the link, nothing of the report itself: where, what and against whom stay behind
 * the reviewer's sign-in.
 */
export async function tellReviewer(trx: Kysely<DB>, reportId: string, reviewerId: string, actorId?: string) {
  await notify(trx, {
    kind: 'incident.assigned',
    to: { users: [reviewerId] },
    params: { reference: reportId.slice(0, 8).toUpperCase() },
    link: `/incidents/review/${reportId}`,
    except: actorId,
  });
}
