import type { Kysely } from 'kysely';
import { allowedSubset, assertAllowed } from '../../access/check.js';
import { audit, OUTSIDE_REQUEST } from '../../audit/record.js';
import type { Context } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import * as q from '../queries.js';
import { asBuffer } from './crypto.js';
import type { ProtectedView } from './schemas.js';

/**
 * Hands a reviewer the protected items of one case, still encrypted, with the sealed private key
 * their browser opens with the passphrase. The fetch is audited with who and why, in the same
 * transaction: no entry, no data.
 */
export async function readProtected(ctx: Context, id: string, reason: string): Promise<ProtectedView> {
  assertAllowed(ctx.actor, 'incident.protected.read');
  return inTransaction(ctx.db, async (trx) => {
    const report = await trx.selectFrom('incident_report').select(['id', 'country_iso2']).where('id', '=', id).executeTakeFirst();
    const where = { countryIso2: report?.country_iso2 ?? null };
    // A case in no country the caller works in is answered as one that does not exist.
    const known = (['incident.review', 'incident.protected.read'] as const).some(
      (verb) => allowedSubset(ctx.actor, verb, [where], (w) => w).length > 0,
    );
    if (!report || !known) throw new Problem('not_found');
    assertAllowed(ctx.actor, 'incident.protected.read', where);
    const key = await q.selectActiveKey(trx);
    if (!key?.sealed_private_key || !key.kdf_salt || !key.seal_iv || !key.kdf_iterations) {
      throw new Problem('unavailable', 'The organisation has no key.');
    }
    const items = await q.selectSealed(trx, id);
    await audit(trx, ctx, {
      verb: 'incident.protected.read',
      recordType: 'incident_report',
      recordId: id,
      details: { reason, items: items.map((i) => i.kind) },
    });
    return {
      key: {
        keyId: key.id,
        sealedPrivateKey: asBuffer(key.sealed_private_key).toString('base64'),
        salt: asBuffer(key.kdf_salt).toString('base64'),
        iv: asBuffer(key.seal_iv).toString('base64'),
        iterations: key.kdf_iterations,
      },
      items: items.map((i) => ({
        kind: i.kind,
        mediaType: i.media_type,
        wrappedKey: asBuffer(i.wrapped_key).toString('base64'),
        payload: asBuffer(i.payload).toString('base64'),
      })),
    };
  });
}

/**
 * Deletes the reporter's contact details of cases closed more than `days` days ago (nothing else:
 * the description and photos stay), with a history event and an audit entry per case.
 */
export async function deleteExpiredContacts(db: Kysely<DB>, days: number): Promise<{ deleted: number }> {
  return inTransaction(db, async (trx) => {
    const due = (await q.selectContactsDue(trx, days)).map((r) => r.id);
    if (due.length === 0) return { deleted: 0 };
    await trx.deleteFrom('incident_sealed').where('kind', '=', 'contact').where('report_id', 'in', due).execute();
    await trx.updateTable('incident_report').set({ contact_deleted_at: new Date() }).where('id', 'in', due).execute();
    for (const id of due) {
      await q.insertEvent(trx, { reportId: id, actorId: null, kind: 'contact_deleted' });
      await audit(trx, OUTSIDE_REQUEST, {
        verb: 'incident.contact.delete',
        recordType: 'incident_report',
        recordId: id,
        details: { retentionDays: days },
      });
    }
    return { deleted: due.length };
  });
}
