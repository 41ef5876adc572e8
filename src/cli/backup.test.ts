import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/connection.js';
import { ADMIN, ADMIN_ENV, call, signIn } from '../server/test-support/api-client.js';
import { tableContents } from '../server/test-support/contents.js';
import { freshDatabase, type TestDatabase } from '../server/test-support/database.js';
import { freshCode } from '../server/test-support/second-factor.js';
import { runCli, startServerProcess } from '../server/test-support/server-process.js';

const dirs: string[] = [];
const databases: TestDatabase[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-backup-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const database of databases) await database.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function contentsOfDataDir(dataDir: string) {
  const database = await openDatabase({ dataDir });
  try {
    return await tableContents(database.db);
  } finally {
    await database.close();
  }
}

async function contentsOfUrl(url: string) {
  const database = await openDatabase({ databaseUrl: url, dataDir: 'unused' });
  try {
    return await tableContents(database.db);
  } finally {
    await database.close();
  }
}

/**
 * The server goes on running its scheduled jobs after the snapshot, so the source may hold runs
 * the copy has not: the copy holds every run the snapshot saw, as it stood then (a run still
 * going had not finished).
 */
function withoutLaterRuns(
  { job_run: copyRuns = [], ...copy }: Record<string, string[]>,
  { job_run: sourceRuns = [], ...source }: Record<string, string[]>,
) {
  const id = (row: string) => Number(row.slice(1, row.indexOf(',')));
  const sourceById = new Map(sourceRuns.map((row) => [id(row), row]));
  for (const row of copyRuns) {
    const later = sourceById.get(id(row));
    expect(later, row).toBeDefined();
    if (later !== row) expect(row, 'a run that differs had not finished at the snapshot').toMatch(/,,,[^,]*\)$/);
  }
  expect(copyRuns.length).toBeLessThanOrEqual(sourceRuns.length);
  return { copy, source };
}

async function someWrites(port: number) {
  const client = await signIn(port);
  for (const n of [1, 2]) {
    const created = await call(client, 'POST', '/api/users', {
      email: `cli.backup.${n}@example.org`,
      name: `CLI Backup ${n}`,
      grants: [{ role: 'delegation', scopeType: 'country', countryIso2: 'IT' }],
    });
    expect(created.status).toBe(201);
  }
  expect((await call(client, 'PATCH', '/api/countries/MT', { capital: 'Valletta (restored)' })).status).toBe(200);
}

describe('crossroads backup and restore on the embedded database', () => {
  it('backs up through the running server, restores into an empty directory, and refuses to overwrite', async () => {
    const source = tempDir();
    const file = path.join(tempDir(), 'crossroads.ndjson.gz');
    // Its jobs run every second, so they write while the backup reads and after its snapshot.
    const server = await startServerProcess({ DATA_DIR: source, JOB_PERIOD_SECONDS: '1', ...ADMIN_ENV });
    try {
      await someWrites(server.port);
      const backup = await runCli(['backup', file], {
        DATA_DIR: source,
        PORT: String(server.port),
        ...ADMIN_ENV,
        CROSSROADS_CODE: await freshCode(ADMIN.email),
      });
      expect(backup.stderr).toBe('');
      expect(backup.stdout).toContain(`through the server at http://127.0.0.1:${server.port}`);
      expect(backup.code).toBe(0);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readdirSync(path.dirname(file))).toEqual(['crossroads.ndjson.gz']);
      const locked = await runCli(['restore', file], { DATA_DIR: source });
      expect(locked.code).toBe(2);
      expect(locked.stderr).toContain('Stop the server before restoring');
      const again = await runCli(['backup', file], {
        DATA_DIR: source,
        PORT: String(server.port),
        ...ADMIN_ENV,
        CROSSROADS_CODE: await freshCode(ADMIN.email),
      });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already exists');
    } finally {
      await server.stop();
    }

    const target = tempDir();
    const restored = await runCli(['restore', file], { DATA_DIR: target });
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/^Restored \d+ rows in \d+ tables from the backup of .* \(taken on pglite\)\.\n$/);
    // The snapshot was taken while the backup's own session was open; its audit entry and the
    // sign-out came after, so they are in the source only.
    const { audit_log: restoredLog, user_session: restoredSessions, ...copied } = await contentsOfDataDir(target);
    const { audit_log: sourceLog, user_session: sourceSessions, ...original } = await contentsOfDataDir(source);
    const { copy, source: sourceData } = withoutLaterRuns(copied, original);
    expect(copy).toEqual(sourceData);
    // The copy holds the log up to the snapshot; the backup's own entry comes after it.
    const verbs = (log: string[] | undefined) => (log ?? []).map((row) => row.split(',')[3]);
    expect(verbs(restoredLog)).not.toContain('backup.create');
    expect(verbs(sourceLog)).toContain('backup.create');
    expect(verbs(restoredLog).length).toBeLessThan(verbs(sourceLog).length);
    // The backup signed out after its second step: the sign-out is in the source's log.
    const signOuts = (log: string[] | undefined) => verbs(log).filter((verb) => verb === 'auth.logout').length;
    expect(signOuts(sourceLog)).toBe(signOuts(restoredLog) + 1);
    expect(restoredSessions?.length ?? 0).toBeGreaterThanOrEqual(sourceSessions?.length ?? 0);

    const twice = await runCli(['restore', file], { DATA_DIR: target });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('already holds data');
    const replaced = await runCli(['restore', file, '--replace'], { DATA_DIR: target });
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('replacing what the database held');

    // With no server running, the embedded database is read directly.
    const direct = path.join(tempDir(), 'direct.ndjson');
    const offline = await runCli(['backup', direct], { DATA_DIR: target });
    expect(offline.code).toBe(0);
    expect(offline.stdout).toBe(`Backup written to ${direct}.\n`);

    if (process.env.TEST_DATABASE_URL) {
      // The same file restores onto a PostgreSQL server.
      const onServer = await freshDatabase('postgres', { migrate: false });
      databases.push(onServer);
      const toServer = await runCli(['restore', file], { DATABASE_URL: onServer.url as string });
      expect(toServer.stderr).toBe('');
      expect(await contentsOfUrl(onServer.url as string)).toEqual(await contentsOfDataDir(target));
    }
  }, 180_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)('crossroads backup and restore on a PostgreSQL server', () => {
  it('backs up directly while the server runs and restores into an empty database', async () => {
    const source = await freshDatabase('postgres', { migrate: false });
    const target = await freshDatabase('postgres', { migrate: false });
    databases.push(source, target);
    const file = path.join(tempDir(), 'server.ndjson');
    const server = await startServerProcess({ DATABASE_URL: source.url as string, JOB_PERIOD_SECONDS: '1', ...ADMIN_ENV });
    try {
      await someWrites(server.port);
      const backup = await runCli(['backup', file], { DATABASE_URL: source.url as string });
      expect(backup.stderr).toBe('');
      expect(backup.stdout).toBe(`Backup written to ${file}.\n`);
    } finally {
      await server.stop();
    }
    const restored = await runCli(['restore', file], { DATABASE_URL: target.url as string });
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('(taken on postgres)');
    const { copy, source: sourceData } = withoutLaterRuns(
      await contentsOfUrl(target.url as string),
      await contentsOfUrl(source.url as string),
    );
    expect(copy).toEqual(sourceData);
  });
});
