import { assertAllowed } from '../access/check.js';
import { audit } from '../audit/record.js';
import type { Context } from '../context.js';
import { writeSnapshot } from './snapshot.js';

/**
 * A backup of the whole database as the running server sees it, for `crossroads backup` to fetch
 * while the embedded database is locked by this server. The snapshot is gathered in memory
 * first, so that a slow download never holds the database; the backup is audited once taken.
 */
export async function createBackup(ctx: Context): Promise<string> {
  assertAllowed(ctx.actor, 'backup.create');
  const chunks: string[] = [];
  const summary = await writeSnapshot(ctx.db, ctx.config.databaseUrl ? 'postgres' : 'pglite', (chunk) => {
    chunks.push(chunk);
  });
  await ctx.db.transaction().execute((trx) =>
    audit(trx, ctx, {
      verb: 'backup.create',
      recordType: 'database',
      details: { tables: summary.tables, rows: summary.rows },
    }),
  );
  return chunks.join('');
}
