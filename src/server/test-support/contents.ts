import { type Kysely, sql } from 'kysely';
import { dataTables, quoteIdentifier } from '../backup/catalogue.js';
import { useCanonicalTextForms } from '../backup/snapshot.js';
import type { DB } from '../db/schema.js';

/**
 * Every row of every table as PostgreSQL prints it, sorted, and the names of the migrations:
 * two databases with equal contents hold the same data. Generated columns are left out (the
 * embedded and the server PostgreSQL may stem words differently), and so are the audit entries
 * a restore adds about itself.
 */
export async function tableContents(db: Kysely<DB>): Promise<Record<string, string[]>> {
  return db.transaction().execute(async (trx) => {
    await useCanonicalTextForms(trx);
    const result: Record<string, string[]> = {};
    for (const table of await dataTables(trx)) {
      const filter = table.name === 'audit_log' ? ` where x.verb <> 'backup.restore'` : '';
      const columns = table.columns.filter((c) => !c.generated).map((c) => `x.${quoteIdentifier(c.name)}`);
      const { rows } = await sql
        .raw<{ row: string }>(
          `select row(${columns.join(', ')})::text as row from ${quoteIdentifier(table.name)} x${filter} order by 1`,
        )
        .execute(trx);
      result[table.name] = rows.map((r) => r.row);
    }
    result.schema_migration = (await trx.selectFrom('schema_migration').select('name').orderBy('name').execute()).map(
      (m) => m.name,
    );
    return result;
  });
}
