import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../db/connection.js';
import type { DB } from '../db/schema.js';
import { type Persona, type TestApp, testApp } from '../test-support/app.js';
import { tableContents } from '../test-support/contents.js';
import { freshDatabase, type TestDatabase } from '../test-support/database.js';
import { BackupEncoder, BackupError, type BackupHeader, type Row, verifyBackup } from './format.js';
import { restoreBackup } from './restore.js';
import { writeSnapshot } from './snapshot.js';

async function* linesOf(text: string): AsyncGenerator<string> {
  for (const line of text.split('\n')) yield line;
}

async function snapshot(db: Kysely<DB>, source: Backend): Promise<string> {
  const chunks: string[] = [];
  await writeSnapshot(db, source, (chunk) => {
    chunks.push(chunk);
  });
  return chunks.join('');
}

/** A copy of a backup with one change, re-signed so that only the database can object to it. */
function rewrite(backup: string, change: (header: BackupHeader, table: string, row: Row) => Row): string {
  const encoder = new BackupEncoder();
  const lines = backup.trimEnd().split('\n');
  const header = JSON.parse(lines[0] as string) as BackupHeader;
  let out = encoder.header(header);
  let table = '';
  for (const line of lines.slice(1, -1)) {
    const value = JSON.parse(line);
    if (Array.isArray(value)) out += encoder.row(change(header, table, value));
    else {
      table = value.table;
      out += encoder.table(table);
    }
  }
  return out + encoder.end();
}

const PAIRS: Array<[Backend, Backend]> = process.env.TEST_DATABASE_URL
  ? [
      ['pglite', 'postgres'],
      ['postgres', 'pglite'],
    ]
  : [['pglite', 'pglite']];

describe.each(PAIRS)('a backup taken on %s and restored onto %s', (from, to) => {
  let t: TestApp;
  let coordinator: Persona;
  let backup: string;
  /** One database the tests below restore into, in turn. */
  let target: TestDatabase;

  beforeAll(async () => {
    t = await testApp(from);
    coordinator = await t.as('coordinator');
    const odihr = await t.database.db
      .selectFrom('organisation')
      .select('id')
      .where('code', '=', 'ODIHR')
      .executeTakeFirstOrThrow();
    for (const [n, grants] of [
      [1, [{ role: 'focal_point', scopeType: 'organisation', organisationId: odihr.id }]],
      [2, [{ role: 'delegation', scopeType: 'country', countryIso2: 'GR' }]],
      [3, []],
    ] as const) {
      const created = await t.request(coordinator, {
        method: 'POST',
        url: '/api/users',
        payload: { email: `backup.${n}@example.org`, name: `Zoë “Backup” O'Neil ${n}`, language: 'fr', grants },
      });
      expect(created.statusCode).toBe(201);
    }
    const edited = await t.request(coordinator, {
      method: 'PATCH',
      url: '/api/countries/AT',
      payload: { names: { en: 'Austria \\ "quoted" \'single\'\nnew line\ttab 🇦🇹 \u202eRTL' }, capitalLatitude: 48.2082 },
    });
    expect(edited.statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'backup.1@example.org', password: 'wrong' } });
    await t.user({ role: 'analyst' });
    await t.database.db
      .insertInto('job_run')
      .values({ job: 'test.backup', slot_start: '2026-11-28T10:00:00.123456Z', instance: 'here' })
      .execute();
    backup = await snapshot(t.database.db, from);
  });
  afterAll(async () => {
    await target?.close();
    await t?.close();
  });

  it('is a checked file that names its migrations and every table', async () => {
    const header = await verifyBackup(linesOf(backup));
    expect(header.source).toBe(from);
    expect(header.migrations).toEqual(
      (await t.database.db.selectFrom('schema_migration').select('name').orderBy('name').execute()).map((m) => m.name),
    );
    const names = header.tables.map((table) => table.name);
    expect(names).toContain('audit_log');
    expect(names).not.toContain('schema_migration');
    // Referenced tables come before the tables that refer to them.
    expect(names.indexOf('app_user')).toBeLessThan(names.indexOf('role_grant'));
    expect(names.indexOf('country')).toBeLessThan(names.indexOf('organisation'));
    expect(header.tables.find((table) => table.name === 'country')?.columns).not.toContain('east_of_vienna');
  });

  it('refuses a damaged file before touching the database', async () => {
    target = await freshDatabase(to, { migrate: false });
    const cut = backup.slice(0, Math.floor(backup.length / 2));
    await expect(restoreBackup(target.db, () => linesOf(cut))).rejects.toThrow(BackupError);
    const altered = backup.replace('backup.2@example.org', 'backup.9@example.org');
    await expect(restoreBackup(target.db, () => linesOf(altered))).rejects.toThrow(/checksum/);
    const { rows } = await sql<{ present: boolean }>`select to_regclass('public.app_user') is not null as present`.execute(
      target.db,
    );
    expect(rows[0]?.present).toBe(false); // nothing was touched, not even the schema
  });

  it('restores into an empty database every row of every table exactly', async () => {
    const result = await restoreBackup(target.db, () => linesOf(backup));
    expect(result.replaced).toBe(false);
    expect(await tableContents(target.db)).toEqual(await tableContents(t.database.db));
    // The restore is audited, and identities continue after the restored ones.
    const maxSource = await t.database.db.selectFrom('audit_log').select(sql<number>`max(id)`.as('id')).executeTakeFirstOrThrow();
    const entry = await target.db
      .selectFrom('audit_log')
      .select(['id', 'details'])
      .where('verb', '=', 'backup.restore')
      .executeTakeFirstOrThrow();
    expect(Number(entry.id)).toBe(Number(maxSource.id) + 1);
    expect(entry.details).toMatchObject({ source: from, replaced: false });
    // A backup of the restored database holds the same rows, and the restore's entry.
    const again = await snapshot(target.db, to);
    expect((await verifyBackup(linesOf(again))).tables.map((x) => x.rows)).toEqual(
      (await verifyBackup(linesOf(backup))).tables.map((x) => (x.name === 'audit_log' ? x.rows + 1 : x.rows)),
    );
  });

  it('refuses a database that holds data unless told to replace it', async () => {
    await expect(restoreBackup(target.db, () => linesOf(backup))).rejects.toThrow(/already holds data/);
    await target.db.insertInto('audit_log').values({ actor_id: null, verb: 'test.after_restore', details: '{}' }).execute();
    const replaced = await restoreBackup(target.db, () => linesOf(backup), { replace: true });
    expect(replaced.replaced).toBe(true);
    expect(await tableContents(target.db)).toEqual(await tableContents(t.database.db));
  });

  it('replaces all or nothing: a row the database refuses leaves everything as it was', async () => {
    await target.db.insertInto('audit_log').values({ actor_id: null, verb: 'test.kept', details: '{}' }).execute();
    const before = await tableContents(target.db);
    const header = JSON.parse(backup.slice(0, backup.indexOf('\n'))) as BackupHeader;
    const languageAt = header.tables.find((x) => x.name === 'app_user')?.columns.indexOf('language') as number;
    const breaking = rewrite(backup, (_h, table, row) =>
      table === 'app_user' && row.includes('backup.3@example.org') ? row.map((v, i) => (i === languageAt ? 'xx' : v)) : row,
    );
    await expect(restoreBackup(target.db, () => linesOf(breaking), { replace: true })).rejects.toMatchObject({
      constraint: 'app_user_language_ck',
    });
    expect(await tableContents(target.db)).toEqual(before);
  });

  it('refuses a backup from a newer version, and a database newer than the backup', async () => {
    const header = JSON.parse(backup.slice(0, backup.indexOf('\n'))) as BackupHeader;
    const resign = (text: string) => rewrite(text, (_h, _t, row) => row);
    const newer = resign(backup.replace('"migrations":[', '"migrations":["29991231000000_from_the_future",'));
    await expect(restoreBackup(target.db, () => linesOf(newer), { replace: true })).rejects.toThrow(
      /newer version of Crossroads/,
    );
    const older = resign(backup.replace(JSON.stringify(header.migrations), JSON.stringify(header.migrations.slice(0, 1))));
    await expect(restoreBackup(target.db, () => linesOf(older), { replace: true })).rejects.toThrow(
      /migrations the backup predates/,
    );
  });

  it('gives a co-ordinator a consistent snapshot while writes go on, and audits it', async () => {
    const coordinator = await t.as('coordinator');
    const writes = Array.from({ length: 6 }, (_, n) =>
      t.request(coordinator, {
        method: 'POST',
        url: '/api/users',
        payload: { email: `during.${n}@example.org`, name: `During ${n}`, grants: [{ role: 'analyst', scopeType: 'global' }] },
      }),
    );
    const [response] = await Promise.all([t.request(coordinator, { method: 'GET', url: '/api/backup' }), ...writes]);
    expect(response?.statusCode).toBe(200);
    expect(response?.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(response?.headers['content-disposition']).toMatch(
      /attachment; filename="crossroads-backup-\d{4}-\d{2}-\d{2}\.ndjson"/,
    );
    const body = response?.body ?? '';
    const header = await verifyBackup(linesOf(body));
    // Every account in the snapshot has its grants and its audit entry: nothing half-seen.
    const rows = body.split('\n').filter((line) => line.startsWith('['));
    const users = rows.filter((line) => line.includes('during.'));
    const userIdAt = header.tables.find((x) => x.name === 'app_user')?.columns.indexOf('id') as number;
    for (const line of users) {
      const id = (JSON.parse(line) as Row)[userIdAt] as string;
      expect(rows.filter((r) => r.includes(id) && r.includes('"user.create"'))).toHaveLength(1);
      expect(rows.filter((r) => r.includes(id) && r.includes('"analyst"'))).toHaveLength(1);
    }
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('verb', '=', 'backup.create')
      .execute();
    expect(audited).toEqual([{ actor_id: coordinator.userId, details: { tables: header.tables.length, rows: rows.length } }]);
    const analyst = await t.as('analyst');
    expect((await t.request(analyst, { method: 'GET', url: '/api/backup' })).statusCode).toBe(403);
  });
});
