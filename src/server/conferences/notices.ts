import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { notify } from '../notifications/notify.js';

/**
 * Tells the delegations of the invited States, and the focal points of the invited organisations,
 * that they are invited; returns how many people were told.
 */
export function tellInvited(
  trx: Kysely<DB>,
  event: { id: string; title: string; startsLocal: string; venue: string },
  invited: { states: readonly string[]; organisations: readonly string[] },
  actorId?: string,
): Promise<number> {
  if (invited.states.length === 0 && invited.organisations.length === 0) return Promise.resolve(0);
  return notify(trx, {
    kind: 'conference.invited',
    to: {
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
