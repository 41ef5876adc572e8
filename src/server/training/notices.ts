import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { notify } from '../notifications/notify.js';

/** What the notices call a session: its course and first day. */
export interface SessionName {
  id: string;
  course_code: string;
  course_title: string;
  starts_on: string;
  provider_id: string | null;
}

const paramsOf = (session: SessionName, name: string) => ({
  session: `${session.course_code} ${session.course_title} (${session.starts_on})`,
  name,
});
const linkOf = (session: SessionName) => `/training/sessions/${session.id}`;

/** Tells the provider (its focal points and the co-ordinators) that a State nominated someone. */
export async function tellNominated(trx: Kysely<DB>, session: SessionName, name: string, actorId?: string) {
  await notify(trx, {
    kind: 'training.nominated',
    to: {
      roles: [
        { role: 'coordinator' },
        ...(session.provider_id ? [{ role: 'focal_point' as const, organisation: session.provider_id }] : []),
      ],
    },
    params: paramsOf(session, name),
    link: linkOf(session),
    except: actorId,
  });
}

/** Tells the nominating delegation and the nominee (when they have an account) of the provider's decision. */
export async function tellDecided(
  trx: Kysely<DB>,
  session: SessionName,
  nomination: { name: string; nominated_by: string | null; user_id: string | null; reason: string },
  status: 'selected' | 'waitlisted' | 'declined',
  actorId?: string,
) {
  await notify(trx, {
    kind: `training.${status}`,
    to: { users: [nomination.nominated_by, nomination.user_id] },
    params: { ...paramsOf(session, nomination.name), reason: nomination.reason },
    link: linkOf(session),
    except: actorId,
  });
}
