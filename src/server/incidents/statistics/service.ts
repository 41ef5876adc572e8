import { sql } from 'kysely';
import { assertAllowed, scopeOf } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { csvOf } from '../../files/sheet-writer.js';
import { groupOf } from '../categories.js';

/**
 * The civil-society submission to ODIHR's hate crime report: one row per verified incident with
 * date, location, type, bias motivation, bias indicators, targets and source. No personal data:
 * no contact, no description, no photo, no map point. Audited.
 */
export async function odihrExport(ctx: Context, year?: number): Promise<string> {
  assertAllowed(ctx.actor, 'incident.export');
  let query = ctx.db
    .selectFrom('incident_report as r')
    .innerJoin('country as c', 'c.iso2', 'r.country_iso2')
    .select([
      sql<string>`to_char(r.occurred_on, 'YYYY-MM-DD')`.as('date'),
      'r.date_approximate',
      'c.name_en as country',
      'r.place',
      'r.incident_type',
      'r.property_target',
      'r.bias_motivation',
      'r.bias_indicators',
      'r.targets',
      'r.source',
    ])
    .where('r.status', '=', 'verified')
    .orderBy('r.occurred_on')
    .orderBy('r.id');
  if (year) query = query.where('r.occurred_on', '>=', `${year}-01-01`).where('r.occurred_on', '<', `${year + 1}-01-01`);
  // Only the countries where the caller holds the export; an organisation grant covers no incident.
  const scope = scopeOf(ctx.actor, 'incident.export');
  if (!scope.all) query = query.where('r.country_iso2', 'in', scope.countries.size ? [...scope.countries] : ['--']);
  const rows = await query.execute();
  await inTransaction(ctx.db, (trx) =>
    audit(trx, ctx, { verb: 'incident.export', details: { rows: rows.length, year: year ?? null } }),
  );
  return csvOf([
    [
      'date',
      'date_approximate',
      'country',
      'location',
      'incident_category',
      'incident_type',
      'property_target',
      'bias_motivation',
      'bias_indicators',
      'targets',
      'source',
    ],
    ...rows.map((r) => [
      r.date,
      r.date_approximate ? 'yes' : 'no',
      r.country,
      r.place,
      groupOf(r.incident_type),
      r.incident_type,
      r.property_target ?? '',
      r.bias_motivation,
      r.bias_indicators.join(';'),
      r.targets.join(';'),
      r.source,
    ]),
  ]);
}
