import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { freshDatabase, type TestDatabase, testBackends } from '../../test-support/database.js';
import { startTestSmtp, type TestSmtp } from '../../test-support/notifications/smtp.js';
import { dailyDigest } from '../jobs.js';
import { notify } from '../notify.js';
import { createDeliverer, type DeliveryConfig } from './deliver.js';
import { claimDue } from './queries.js';
import { readUnsubscribeToken, signingKey } from './signing.js';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe.each(testBackends())('the notification outbox on %s', (backend) => {
  let database: TestDatabase;
  let db: Kysely<DB>;
  let smtp: TestSmtp;
  let config: DeliveryConfig;
  let counter = 0;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    db = database.db;
    smtp = await startTestSmtp();
    config = {
      ...loadConfig({
        PUBLIC_URL: 'https://crossroads.example.org',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Crossroads <noreply@example.org>',
      }),
      notifyRetrySeconds: 0,
      notifyMaxAttempts: 3,
    };
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.close();
  });
  beforeEach(async () => {
    smtp.received.length = 0;
    smtp.attempts = 0;
    smtp.refuse = undefined;
    // Each test starts with an empty outbox.
    await db.deleteFrom('notification_email').execute();
  });

  async function person(language = 'en', email?: string) {
    counter++;
    const row = await db
      .insertInto('app_user')
      .values({
        email: email ?? `outbox.${counter}@example.org`,
        name: `Outbox Person ${counter}`,
        language,
        password_hash: null,
      })
      .returning(['id', 'email', 'name'])
      .executeTakeFirstOrThrow();
    return row;
  }

  const booked = (userId: string, mission = 'M-7 Border monitoring') =>
    db.transaction().execute((trx) =>
      notify(trx, {
        kind: 'mission.booked',
        to: { users: [userId] },
        params: { mission },
        link: '/missions/7b0c9b1e-2c1d-4a5e-9f00-000000000007',
      }),
    );

  const outbox = () => db.selectFrom('notification_email').selectAll().orderBy('id').execute();

  it('sends an email to the recipient, in their language, with the record’s link and a signed unsubscribe link', async () => {
    const marie = await person('fr');
    expect(await booked(marie.id)).toBe(1);
    const round = await createDeliverer(db, config, { log: quiet }).deliverDue();
    expect(round).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual([marie.email]);
    expect(mail?.from).toBe('noreply@example.org');
    expect(mail?.subject).toBe('Vous faites partie de l’équipe de la mission M-7 Border monitoring');
    expect(mail?.headers['content-language']).toBe('fr');
    expect(mail?.text).toContain(`Bonjour ${marie.name},`);
    expect(mail?.text).toContain('https://crossroads.example.org/missions/7b0c9b1e-2c1d-4a5e-9f00-000000000007');
    expect(mail?.html).toContain('href="https://crossroads.example.org/missions/7b0c9b1e-2c1d-4a5e-9f00-000000000007"');
    expect(mail?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const oneClick = /^<https:\/\/crossroads\.example\.org\/api\/notifications\/unsubscribe\/([^>]+)>$/.exec(
      mail?.headers['list-unsubscribe'] ?? '',
    );
    expect(oneClick).not.toBeNull();
    const token = oneClick?.[1] as string;
    expect(readUnsubscribeToken(await signingKey(db), token)).toEqual({ userId: marie.id, category: 'missions' });
    expect(mail?.text).toContain(`https://crossroads.example.org/notifications/unsubscribe/${token}`);
    // A token altered in any way is refused.
    expect(readUnsubscribeToken(await signingKey(db), token.replace(marie.id, (await person()).id))).toBeUndefined();
    expect((await outbox()).map((e) => e.status)).toEqual(['sent']);
  });

  it('sends nothing for a write that rolled back', async () => {
    const erik = await person();
    await expect(
      db.transaction().execute(async (trx) => {
        await notify(trx, { kind: 'mission.booked', to: { users: [erik.id] }, params: { mission: 'M-8' }, link: '/missions/x' });
        throw new Error('the booking failed after the notice was written');
      }),
    ).rejects.toThrow('the booking failed');
    expect(await createDeliverer(db, config, { log: quiet }).deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await db.selectFrom('notification').select('id').where('user_id', '=', erik.id).execute()).toEqual([]);
    expect(smtp.attempts).toBe(0);
  });

  it('refuses to run outside a transaction, where it could outlive a failed write', async () => {
    const erik = await person();
    await expect(notify(db, { kind: 'mission.booked', to: { users: [erik.id] }, link: '/missions/x' })).rejects.toThrow(
      'runs in the transaction',
    );
  });

  it('loses nothing when the instance that claimed an email dies before sending it: another sends it once its lease runs out', async () => {
    const erik = await person();
    await booked(erik.id);
    // The instance claims the email and dies before it sends or records anything.
    expect(await claimDue(db, 'died-mid-send', 10, 1)).toHaveLength(1);
    const survivor = createDeliverer(db, config, { log: quiet, instance: 'survivor' });
    expect((await survivor.deliverDue()).sent).toBe(0); // still held by the lease
    await sql`update notification_email set lease_until = clock_timestamp() - interval '1 second'`.execute(db);
    expect((await survivor.deliverDue()).sent).toBe(1);
    expect(await smtp.waitFor(1)).toHaveLength(1);
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'sent', attempts: 2, claimed_by: 'survivor' });
  });

  it('sends each email exactly once when two instances send at the same time', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => person()));
    for (const p of people) await booked(p.id);
    await db.transaction().execute((trx) =>
      notify(trx, {
        kind: 'mission.deployed',
        to: { users: people.map((p) => p.id) },
        params: { mission: 'M-9' },
        link: '/missions/m9',
      }),
    );
    const a = createDeliverer(db, config, { log: quiet, instance: 'a', batchSize: 3 });
    const b = createDeliverer(db, config, { log: quiet, instance: 'b', batchSize: 3 });
    const rounds = await Promise.all([a.deliverDue(), b.deliverDue()]);
    expect(await smtp.waitFor(24)).toHaveLength(24);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(24);
    const ids = smtp.received.map((m) => m.headers['message-id']);
    expect(new Set(ids).size).toBe(24);
    expect(rounds.reduce((n, r) => n + r.sent, 0)).toBe(24);
    const rows = await outbox();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('tries again with a growing wait when the server refuses, then reports the email as failed', async () => {
    const erik = await person();
    await booked(erik.id);
    smtp.refuse = { code: 451, message: 'Try again later' };
    const patient = createDeliverer(db, { ...config, notifyRetrySeconds: 60 }, { log: quiet });
    expect(await patient.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    let [row] = await outbox();
    expect(row?.status).toBe('pending');
    const wait = (new Date(row?.next_attempt_at as Date).getTime() - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(50);
    expect(await patient.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 }); // not yet due
    await sql`update notification_email set next_attempt_at = now()`.execute(db);
    expect(await patient.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    [row] = await outbox();
    const second = (new Date(row?.next_attempt_at as Date).getTime() - Date.now()) / 1000;
    expect(second).toBeGreaterThan(110); // twice the first wait
    await sql`update notification_email set next_attempt_at = now()`.execute(db);
    expect(await patient.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
    [row] = await outbox();
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row?.last_error).toContain('Try again later');
    expect(smtp.attempts).toBe(3);
    expect(smtp.received).toHaveLength(0);
  });

  it('reports a permanent refusal at once, without trying again', async () => {
    const erik = await person();
    await booked(erik.id);
    smtp.refuse = { code: 550, message: 'No such mailbox' };
    expect(await createDeliverer(db, config, { log: quiet }).deliverDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(smtp.attempts).toBe(1);
  });

  it('holds notices for the daily digest, sends none when turned off, and always sends account security', async () => {
    const dora = await person('de');
    await db
      .insertInto('notification_preference')
      .values([
        { user_id: dora.id, category: 'missions', mode: 'digest' },
        { user_id: dora.id, category: 'alerts', mode: 'off' },
        { user_id: dora.id, category: 'security', mode: 'off' },
      ])
      .execute();
    await booked(dora.id, 'M-1');
    await booked(dora.id, 'M-2');
    await db.transaction().execute(async (trx) => {
      await notify(trx, {
        kind: 'warning.alert_raised',
        to: { users: [dora.id] },
        params: { country: 'AT' },
        link: '/warning/alerts',
      });
      await notify(trx, { kind: 'account.password_reset', to: { users: [dora.id] }, link: '/account' });
    });
    const deliverer = createDeliverer(db, config, { log: quiet });
    expect((await deliverer.deliverDue()).sent).toBe(1);
    const [security] = await smtp.waitFor(1);
    expect(security?.subject).toBe('Ihr Passwort wurde zurückgesetzt');
    expect(security?.headers['list-unsubscribe']).toBeUndefined();
    expect(await db.selectFrom('notification').select('kind').where('user_id', '=', dora.id).execute()).toHaveLength(4);

    expect(await dailyDigest.run(db)).toEqual({ digests: 1 });
    expect((await deliverer.deliverDue()).sent).toBe(1);
    const [, digest] = await smtp.waitFor(2);
    expect(digest?.subject).toBe('Ihre tägliche Übersicht: 2 Benachrichtigungen');
    expect(digest?.text).toContain('Sie sind im Team der Mission M-1');
    expect(digest?.text).toContain('Sie sind im Team der Mission M-2');
    expect(digest?.text).toContain('https://crossroads.example.org/notifications/preferences');
    expect(await dailyDigest.run(db)).toEqual({ digests: 0 });
  });

  it('names countries in the reader’s language', async () => {
    const rita = await person('ru');
    await db.transaction().execute((trx) =>
      notify(trx, {
        kind: 'warning.alert_raised',
        to: { users: [rita.id] },
        params: { country: 'AT' },
        link: '/warning/alerts',
      }),
    );
    await createDeliverer(db, config, { log: quiet }).deliverDue();
    const [mail] = await smtp.waitFor(1);
    expect(mail?.subject).toBe('Объявлено предупреждение: Австрия');
  });

  it('writes emails to the log without address, name or text when no SMTP server is configured', async () => {
    const secret = await person('en', 'very.private.person@example.org');
    await booked(secret.id, 'M-3 Confidential title');
    const lines: string[] = [];
    const log = { info: (o: object, m: string) => lines.push(JSON.stringify({ ...o, m })), warn: quiet.warn, error: quiet.error };
    expect((await createDeliverer(db, { ...config, smtpUrl: undefined }, { log }).deliverDue()).sent).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('mission.booked');
    expect(lines[0]).not.toContain('very.private');
    expect(lines[0]).not.toContain(secret.name);
    expect(lines[0]).not.toContain('Confidential');
    expect(smtp.attempts).toBe(0);
  });
});
