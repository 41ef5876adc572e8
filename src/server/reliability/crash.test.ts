import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, it } from 'vitest';
import { type Backend, openDatabase } from '../db/connection.js';
import { ADMIN, ADMIN_ENV, type Client, call, signIn } from '../test-support/api-client.js';
import { freshDatabase, type TestDatabase, testBackends } from '../test-support/database.js';
import { startServerProcess } from '../test-support/server-process.js';

/**
 * Crash safety: the server is killed with SIGKILL at random moments while a co-ordinator creates
 * accounts and edits countries, then restarted. Every write that was acknowledged with a 2xx must
 * be there, and nothing may be half-written: each account has its grant and its audit entry, or
 * does not exist at all. CRASH_CYCLES sets the number of kills per backend (default 12; raise it for a longer soak).
 */
const CYCLES = Number(process.env.CRASH_CYCLES || 12);
const SEED = Number(process.env.CRASH_SEED || 20261128);
const COUNTRIES = ['GR', 'IT', 'MT'] as const;

/** A small seeded generator, so that a failing sequence of kill moments can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Ledger {
  /** Accounts whose creation was acknowledged, with the role granted. */
  acknowledged: Map<string, string>;
  /** Per country: the capital last acknowledged, and one sent after it whose answer never came. */
  capitals: Map<string, { acknowledged: string | undefined; unanswered: string | undefined }>;
  secrets: Set<string>;
  outputs: string[];
}

async function createAccounts(client: Client, prefix: string, ledger: Ledger, alive: () => boolean) {
  for (let n = 0; alive(); n++) {
    const email = `${prefix}.${n}@example.org`;
    const role = n % 2 ? 'analyst' : 'delegation';
    const grants = role === 'analyst' ? [{ role, scopeType: 'global' }] : [{ role, scopeType: 'country', countryIso2: 'GR' }];
    try {
      const response = await call(client, 'POST', '/api/users', { email, name: `Crash ${n}`, grants });
      if (response.status !== 201) throw new Error(`creating ${email} answered ${response.status}`);
      ledger.acknowledged.set(email, role);
      ledger.secrets.add((response.body as { oneTimePassword: string }).oneTimePassword);
    } catch (error) {
      if (alive()) throw error;
      return; // the server died with this request in flight: it may or may not have landed
    }
  }
}

async function editCapital(client: Client, iso2: string, label: string, ledger: Ledger, alive: () => boolean) {
  const state = ledger.capitals.get(iso2) ?? { acknowledged: undefined, unanswered: undefined };
  ledger.capitals.set(iso2, state);
  for (let n = 0; alive(); n++) {
    const capital = `${label}-${n}`;
    state.unanswered = capital;
    try {
      const response = await call(client, 'PATCH', `/api/countries/${iso2}`, { capital });
      if (response.status !== 200) throw new Error(`editing ${iso2} answered ${response.status}`);
      state.acknowledged = capital;
      state.unanswered = undefined;
    } catch (error) {
      if (alive()) throw error;
      return;
    }
  }
}

const dirs: string[] = [];
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

// The backends run side by side: most of a cycle is waiting for a server process to start.
describe.concurrent('killed at random moments', () => {
  it.for(testBackends())(
    `loses no acknowledged write and half-writes nothing across ${CYCLES} kills on %s`,
    {
      timeout: 120_000 + CYCLES * 40_000,
    },
    async (backend: Backend, { expect }) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-crash-'));
      dirs.push(dataDir);
      const database = backend === 'postgres' ? await freshDatabase('postgres', { migrate: false }) : undefined;
      if (database) databases.push(database);
      const env = { ...ADMIN_ENV, ...(database ? { DATABASE_URL: database.url as string } : { DATA_DIR: dataDir }) };
      const next = random(SEED);
      const ledger: Ledger = { acknowledged: new Map(), capitals: new Map(), secrets: new Set([ADMIN.password]), outputs: [] };
      let session: Client | undefined;
      const start = async () => {
        const server = await startServerProcess(env);
        // Signed in once: the session lives in the database and outlives every kill.
        session ??= await signIn(server.port);
        const client = { ...session, port: server.port };
        ledger.secrets.add(client.token);
        ledger.secrets.add(client.csrfToken);
        return { server, client };
      };

      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const { server, client } = await start();
        // Before the first kill, each country holds its shipped capital: a first edit still in
        // flight at that kill may leave it there.
        if (cycle === 0) {
          for (const iso2 of COUNTRIES) {
            const country = await call(client, 'GET', `/api/countries/${iso2}`);
            ledger.capitals.set(iso2, { acknowledged: (country.body as { capital: string }).capital, unanswered: undefined });
          }
        }
        // What the previous kill left: each country holds its last acknowledged capital, or the one in flight.
        for (const [iso2, state] of ledger.capitals) {
          const country = await call(client, 'GET', `/api/countries/${iso2}`);
          const capital = (country.body as { capital: string }).capital;
          expect([state.acknowledged, state.unanswered].filter(Boolean), `cycle ${cycle}, ${iso2}`).toContain(capital);
          // Whichever it is, it is now the value the next kill is measured against.
          state.acknowledged = capital;
          state.unanswered = undefined;
        }
        let alive = true;
        const writers = [
          createAccounts(client, `crash.${backend}.${cycle}.a`, ledger, () => alive),
          createAccounts(client, `crash.${backend}.${cycle}.b`, ledger, () => alive),
          ...COUNTRIES.map((iso2) => editCapital(client, iso2, `Capital-${cycle}`, ledger, () => alive)),
        ];
        // Each cycle first sees one account acknowledged (hashing a password takes long on a busy
        // machine), then kills at a random moment among the writes in flight.
        const before = ledger.acknowledged.size;
        for (let waited = 0; ledger.acknowledged.size === before && waited < 30_000; waited += 20)
          await new Promise((resolve) => setTimeout(resolve, 20));
        await new Promise((resolve) => setTimeout(resolve, 100 + next() * 600));
        alive = false;
        server.child.kill('SIGKILL');
        await server.exited;
        await Promise.all(writers);
        ledger.outputs.push(server.output());
      }

      // A last start proves the data directory or database still opens; then read everything directly.
      const last = await start();
      ledger.outputs.push(last.server.output());
      await last.server.stop();
      const opened =
        backend === 'postgres'
          ? await openDatabase({ databaseUrl: database?.url, dataDir: 'unused' })
          : await openDatabase({ dataDir });
      try {
        const { rows } = await sql<{ email: string; roles: string[]; created: number }>`
        select u.email,
               coalesce((select array_agg(g.role order by g.role) from role_grant g where g.user_id = u.id), '{}') as roles,
               (select count(*)::int from audit_log a where a.verb = 'user.create' and a.record_id = u.id::text) as created
        from app_user u where u.email like 'crash.%'`.execute(opened.db);
        const stored = new Map(rows.map((row) => [row.email, row]));
        const lost = [...ledger.acknowledged.keys()].filter((email) => !stored.has(email));
        expect(lost).toEqual([]);
        const halfWritten = rows.filter((row) => row.roles.length !== 1 || row.created !== 1);
        expect(halfWritten).toEqual([]);
        for (const [email, role] of ledger.acknowledged) expect(stored.get(email)?.roles).toEqual([role]);
        expect(ledger.acknowledged.size).toBeGreaterThanOrEqual(CYCLES);
        const edits = await opened.db
          .selectFrom('audit_log')
          .select(['record_id', sql<number>`count(*)::int`.as('n')])
          .where('verb', '=', 'reference.edit')
          .groupBy('record_id')
          .execute();
        for (const iso2 of COUNTRIES) expect(edits.find((e) => e.record_id === iso2)?.n ?? 0).toBeGreaterThan(0);
      } finally {
        await opened.close();
      }

      // Nothing secret reached the logs of any of the servers.
      const logs = ledger.outputs.join('\n');
      const leaked = [...ledger.secrets, ...ledger.acknowledged.keys()].filter((secret) => logs.includes(secret));
      expect(leaked).toEqual([]);
    },
  );
});
