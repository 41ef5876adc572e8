import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../app.js';
import { loadConfig } from '../../config.js';
import { insertTestDocument } from '../../test-support/consensus/fixtures.js';
import { freshDatabase, type TestDatabase } from '../../test-support/database.js';
import { insertEvent } from '../queries.js';

/**
 * On PostgreSQL a change made through one instance wakes the streams of another at once: the
 * event is announced (LISTEN/NOTIFY), not found by the slow poll that only covers a lost listener.
 * Two instances share a database only on PostgreSQL: without TEST_DATABASE_URL it is skipped.
 */
const apps: FastifyInstance[] = [];
const streams: AbortController[] = [];
let database: TestDatabase | undefined;
afterAll(async () => {
  for (const stream of streams) stream.abort();
  for (const app of apps) await app.close();
  await database?.close();
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('live updates across two instances on one PostgreSQL', () => {
  it('delivers another instance’s change at once, and keeps delivering after the stream reconnects', {
    timeout: 120_000,
  }, async () => {
    database = await freshDatabase('postgres');
    const config = {
      ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: 'memory://', WEB_DIR: 'no-web-client' }),
      databaseUrl: database.url,
    };
    const first = await build(config, database);
    const second = await build(config, database);
    apps.push(first, second);
    const db = database.db;
    const { id: userId } = await db
      .insertInto('app_user')
      .values({
        email: 'chiara.chair@example.org',
        name: 'Chiara',
        language: 'en',
        password_hash: null,
        must_change_password: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('role_grant')
      .values({ user_id: userId, role: 'chair', scope_type: 'global', organisation_id: null, country_iso2: null })
      .execute();
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(16).toString('hex');
    await db
      .insertInto('user_session')
      .values({
        token_hash: createHash('sha256').update(token).digest(),
        user_id: userId,
        csrf_token: csrf,
        expires_at: new Date(Date.now() + 3600_000),
      })
      .execute();
    const doc = await insertTestDocument(db);
    /** Waits until the instances' listeners have connected and LISTEN on the channel. */
    const listening = async (count: number) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
          where datname = current_database() and query = 'LISTEN consensus_event'`.execute(db);
        if (Number(rows[0]?.n) >= count) return;
        if (Date.now() > deadline) throw new Error('No listener connected.');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const address = await first.listen({ port: 0, host: '127.0.0.1' });

    const open = async () => {
      const controller = new AbortController();
      streams.push(controller);
      const response = await fetch(`${address}/api/consensus/documents/${doc.id}/events`, {
        headers: { cookie: `crossroads_session=${token}` },
        signal: controller.signal,
      });
      expect(response.status).toBe(200);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      const until = async (pattern: RegExp) => {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`The stream ended: ${text}`);
          text += decoder.decode(value, { stream: true });
        }
        return text;
      };
      return { until, close: () => controller.abort() };
    };

    // The listener connects with the first stream; the second write comes once it surely listens.
    const stream = await open();
    await stream.until(/event: ready/);
    await listening(1);
    // The chair renames the draft through the other instance, twice.
    for (const title of ['Decision on migration', 'Decision on mixed migration']) {
      const before = (await stream.until(/event: ready/)).match(/event: change/g)?.length ?? 0;
      const written = Date.now();
      const res = await second.inject({
        method: 'PATCH',
        url: `/api/consensus/documents/${doc.id}`,
        headers: { cookie: `crossroads_session=${token}`, 'x-csrf-token': csrf },
        payload: { title },
      });
      expect(res.statusCode).toBe(200);
      const seen = await stream.until(new RegExp(`(event: change\\ndata: \\{"kind":"edited"\\}[\\s\\S]*){${before + 1}}`));
      expect(seen.match(/event: change/g)).toHaveLength(before + 1);
      // Far below the 15 s poll that would otherwise have found it.
      expect(Date.now() - written).toBeLessThan(7_000);
    }
    stream.close();
    const again = await open();
    await again.until(/event: ready/);
    const written = Date.now();
    await db.transaction().execute((trx) => insertEvent(trx, doc.id, 'silence'));
    await again.until(/event: change\ndata: \{"kind":"silence"\}/);
    expect(Date.now() - written).toBeLessThan(7_000);
    again.close();
  });
});
