import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { notify } from '../notifications/notify.js';

/**
 * Tells the delegations of the invited States, the focal points of the invited organisations and
 * the accounts of the people invited by name that they are invited; returns how many people were told.
 */
export function tellInvited(
  trx: Kysely<DB>,
  event: { id: string; title: string; startsLocal: string; venue: string },
  invited: { states: readonly string[]; organisations: readonly string[]; users?: readonly string[] },
  actorId?: string,
): Promise<number> {
  const users = invited.users ?? [];
  if (invited.states.length === 0 && invited.organisations.length === 0 && users.length === 0) return Promise.resolve(0);
  return notify(trx, {
    kind: 'conference.invited',
    to: {
      users,
      roles: [
        ...invited.states.map((country) => ({ role: 'delegation' as const, country })),
        ...invited.organisations.map((organisation) => ({ role: 'focal_point' as const, organisation })),
      ],
    },
    params: { event: event.title, date: event.startsLocal.replace('T', ' '), venue: event.venue || 'online' },
    link: `/conferences/events/${event.id}`,
    except: actorId,
  });
}
