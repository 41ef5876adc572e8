import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_ENV } from '../test-support/api-client.js';
import { insertTestDocument, putUnderSilence } from '../test-support/consensus/fixtures.js';
import { freshDatabase, type TestDatabase } from '../test-support/database.js';
import { assertBuilt, type ServerProcess, startServerProcess } from '../test-support/server-process.js';

/**
 * The silence deadline with two server processes on one PostgreSQL, and across a restart: each
 * procedure is concluded once, not before its deadline, whichever instance sees it first.
 * Two processes share a database only on PostgreSQL: without TEST_DATABASE_URL it is skipped.
 */
const servers: ServerProcess[] = [];
let database: TestDatabase | undefined;
afterAll(async () => {
  for (const server of servers) await server.stop('SIGKILL');
  await database?.close();
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('silence procedures with two instances on one PostgreSQL', () => {
  it('adopts at the deadline exactly once, never early, and across a restart', { timeout: 420_000 }, async () => {
    assertBuilt();
    database = await freshDatabase('postgres', { migrate: false });
    const env = { ...ADMIN_ENV, DATABASE_URL: database.url as string };
    const first = await startServerProcess(env);
    servers.push(first);
    const second = await startServerProcess(env);
    servers.push(second);
    const db = database.db;

    const soon = await insertTestDocument(db);
    const later = await insertTestDocument(db);
    const far = await insertTestDocument(db);
    await putUnderSilence(db, soon.id, new Date(Date.now() + 3_000));
    await putUnderSilence(db, later.id, new Date(Date.now() + 15_000));
    await putUnderSilence(db, far.id, new Date(Date.now() + 3_600_000));

    const stage = async (id: string) =>
      (await db.selectFrom('consensus_document').select('stage').where('id', '=', id).executeTakeFirstOrThrow()).stage;
    await until('the first deadline', async () => ((await stage(soon.id)) === 'adopted' ? true : undefined));
    expect(await stage(later.id)).toBe('silence');

    // Both instances go down before the second deadline; a new one comes up and concludes it.
    await first.stop('SIGKILL');
    await second.stop('SIGKILL');
    const third = await startServerProcess(env);
    servers.push(third);
    await until('the second deadline', async () => ((await stage(later.id)) === 'adopted' ? true : undefined));

    const passes = await db.selectFrom('audit_log').select('record_id').where('verb', '=', 'consensus.silence_pass').execute();
    const silences = await db
      .selectFrom('consensus_silence')
      .select(['id', 'document_id', 'state', 'ended_at', 'deadline'])
      .execute();
    const passed = silences.filter((s) => s.state === 'passed');
    expect(passed.map((s) => s.document_id).sort()).toEqual([soon.id, later.id].sort());
    expect(passes.map((p) => p.record_id).sort()).toEqual(passed.map((s) => s.id).sort());
    for (const s of passed) expect(new Date(s.ended_at as Date).getTime()).toBeGreaterThanOrEqual(new Date(s.deadline).getTime());
    const adoptedEvents = await db.selectFrom('consensus_event').select('document_id').where('kind', '=', 'adopted').execute();
    expect(adoptedEvents.map((e) => e.document_id).sort()).toEqual([soon.id, later.id].sort());
    expect(await stage(far.id)).toBe('silence');
    const numbers = await db
      .selectFrom('consensus_document')
      .select('decision_number')
      .where('id', 'in', [soon.id, later.id])
      .execute();
    expect(new Set(numbers.map((n) => n.decision_number)).size).toBe(2);
  });
});
