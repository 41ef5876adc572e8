import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { notify } from '../notifications/notify.js';

/** Tells a State's delegation that a pledge or relocation was recorded for it. */
export async function tellDelegation(
  trx: Kysely<DB>,
  kind: 'solidarity.pledge_recorded' | 'solidarity.relocation_recorded',
  country: string,
  actorId?: string,
) {
  await notify(trx, {
    kind,
    to: { roles: [{ role: 'delegation', country }] },
    params: { country },
    link: '/solidarity/pledges',
    except: actorId,
  });
}
