import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase, testBackends } from '../test-support/database.js';
import { migrate, readMigrations } from './migrate.js';

describe.each(testBackends())('database on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database?.close());

  it('records every migration once and applies nothing on a second run', async () => {
    const applied = await database.db.selectFrom('schema_migration').select('name').orderBy('name').execute();
    expect(applied.map((m) => m.name)).toEqual(readMigrations().map((m) => m.name));
    expect(await migrate(database.db)).toEqual([]);
  });

  it('lets two migrations race without applying anything twice', async () => {
    const results = await Promise.all([migrate(database.db), migrate(database.db)]);
    expect(results).toEqual([[], []]);
  });

  it('refuses to start when an applied migration has been changed, naming it', async () => {
    const migrations = readMigrations();
    const changed = migrations.map((m, i) => (i === 1 ? { ...m, sql: `${m.sql}\n-- edited after it landed\n` } : m));
    await expect(migrate(database.db, changed)).rejects.toThrow(migrations[1]?.name);
    // A line ending changed by a checkout is not an edit.
    const crlf = migrations.map((m) => ({ ...m, sql: m.sql.replace(/\n/g, '\r\n') }));
    expect(await migrate(database.db, crlf)).toEqual([]);
  });

  it('records the checksum of a migration applied before checksums were kept', async () => {
    await sql`update schema_migration set checksum = null where name = ${readMigrations()[0]?.name}`.execute(database.db);
    expect(await migrate(database.db)).toEqual([]);
    const row = await database.db
      .selectFrom('schema_migration')
      .select('checksum')
      .where('name', '=', readMigrations()[0]?.name ?? '')
      .executeTakeFirstOrThrow();
    expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    await database.db.insertInto('audit_log').values({ actor_id: null, verb: 'test.append', details: '{}' }).execute();
    await expect(sql`update audit_log set verb = 'test.changed'`.execute(database.db)).rejects.toMatchObject({ code: '42501' });
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toMatchObject({ code: '42501' });
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toMatchObject({ code: '42501' });
    const row = await database.db.selectFrom('audit_log').select('verb').where('verb', '=', 'test.append').executeTakeFirst();
    expect(row?.verb).toBe('test.append');
  });

  it('has an index for every foreign key', async () => {
    // A foreign key whose columns do not lead some index makes deletes and joins scan the table.
    const { rows } = await sql<{ constraint_name: string }>`
      select c.conname as constraint_name
      from pg_constraint c
      where c.contype = 'f'
        and c.connamespace = 'public'::regnamespace
        and not exists (
          select 1 from pg_index i
          where i.indrelid = c.conrelid
            and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
        )`.execute(database.db);
    expect(rows.map((r) => r.constraint_name)).toEqual([]);
  });

  it('rolls back a failed transaction as a whole', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('audit_log').values({ actor_id: null, verb: 'test.rolled_back', details: '{}' }).execute();
        await sql`select 1/0`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: '22012' });
    const row = await database.db.selectFrom('audit_log').select('id').where('verb', '=', 'test.rolled_back').executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('returns the same value shapes on both backends', async () => {
    const { rows } = await sql<{ n: number; d: string; x: string; t: Date }>`
      select 42::int8 as n, date '2026-05-04' as d, 1.25::numeric as x, timestamptz '2026-05-04T10:00:00Z' as t`.execute(
      database.db,
    );
    expect(rows[0]).toEqual({ n: 42, d: '2026-05-04', x: '1.25', t: new Date('2026-05-04T10:00:00Z') });
  });

  it('loads the reference data: 57 participating States, 11 Partners', async () => {
    const counts = await database.db
      .selectFrom('country')
      .select(['osce_status', sql<number>`count(*)::int`.as('n')])
      .groupBy('osce_status')
      .execute();
    const byStatus = Object.fromEntries(counts.map((c) => [c.osce_status, c.n]));
    expect(byStatus.participating).toBe(57);
    expect(byStatus.partner).toBe(11);
  });
});

describe.each(testBackends().filter((b) => b === 'postgres'))('the connections to a %s server', (backend) => {
  it('never compile a query just in time', async () => {
    const database = await freshDatabase(backend, { migrate: false });
    try {
      const { rows } = await sql<{ jit: string }>`show jit`.execute(database.db);
      expect(rows[0]?.jit).toBe('off');
    } finally {
      await database.close();
    }
  });
});

describe('the embedded database worker', () => {
  it('fails queries at once after it stopped, instead of hanging', async () => {
    const { PgliteWorker } = await import('./pglite-dialect.js');
    const worker = new PgliteWorker('memory://');
    await worker.ready;
    expect((await worker.query('select 1 as one', [])).rows).toEqual([{ one: 1 }]);
    await worker.close();
    await expect(worker.query('select 1', [])).rejects.toThrow('The embedded database stopped.');
  });
});
