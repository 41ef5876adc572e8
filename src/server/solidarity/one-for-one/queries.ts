import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { MonthlyFigure } from './convert.js';

/** The months recorded, oldest first. */
export function selectMonths(db: Kysely<DB>) {
  return db.selectFrom('solidarity_one_for_one').selectAll().orderBy('month').execute();
}

/** Replaces the whole series with the months given. */
export async function replaceMonths(db: Kysely<DB>, months: readonly MonthlyFigure[], actorId: string | null) {
  await db.deleteFrom('solidarity_one_for_one').execute();
  if (months.length === 0) return;
  await db
    .insertInto('solidarity_one_for_one')
    .values(
      months.map((m) => ({
        month: m.month,
        returns: m.returns,
        resettled: m.resettled,
        approximate: m.approximate,
        covers_from: m.coversFrom,
        reported_on: m.reportedOn,
        source: m.source,
        source_url: m.sourceUrl,
        updated_by: actorId,
      })),
    )
    .execute();
}
