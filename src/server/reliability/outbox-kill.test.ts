import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { type Backend, openDatabase } from '../db/connection.js';
import { ADMIN, ADMIN_ENV, call, signIn } from '../test-support/api-client.js';
import { freshDatabase, type TestDatabase, testBackends } from '../test-support/database.js';
import { startTestSmtp, type TestSmtp } from '../test-support/notifications/smtp.js';
import { freePort, type ServerProcess, startServerProcess } from '../test-support/server-process.js';

/**
 * The outbox across a crash of the real server: a co-ordinator resets a password, which commits
 * the notice and its email in one transaction; the SMTP server turns the email away for now, or is
 * not even listening yet, so it cannot have been sent; the server is then killed with SIGKILL.
 * Once the SMTP server accepts and the platform is restarted on the same database, the email
 * arrives, exactly once.
 */
const RETRY_SECONDS = 10;

const dirs: string[] = [];
const databases: TestDatabase[] = [];
const mailServers: TestSmtp[] = [];
/** How the first attempt fails: a temporary refusal (451), or no SMTP server listening at all. */
const OUTAGES = ['refused', 'unreachable'] as const;
const cases = testBackends().flatMap((backend) => OUTAGES.map((outage) => [backend, outage] as const));
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop('SIGKILL');
  for (const smtp of mailServers) await smtp.close();
  for (const database of databases) await database.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Resolves once the server's log holds this text (the log is the only window into a child process). */
async function logged(server: ServerProcess, text: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.output().includes(text)) {
    if (server.child.exitCode !== null) throw new Error(`The server exited before logging "${text}":\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`The server did not log "${text}" in time:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.concurrent('an email committed but not yet sent when the server is killed', () => {
  it.for(cases)(
    'arrives exactly once after a restart on %s (SMTP server first %s)',
    { timeout: 420_000 },
    async ([backend, outage]: readonly [Backend, (typeof OUTAGES)[number]], { expect }) => {
      // Either way the email is tried, fails for now, and must stay in the outbox for a later attempt.
      let smtp: TestSmtp | undefined;
      const smtpPort = await freePort();
      if (outage === 'refused') {
        smtp = await startTestSmtp(smtpPort);
        mailServers.push(smtp);
        smtp.refuse = { code: 451, message: '4.3.0 Mailbox busy, try again later' };
      }
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-outbox-kill-'));
      dirs.push(dataDir);
      const database = backend === 'postgres' ? await freshDatabase('postgres', { migrate: false }) : undefined;
      if (database) databases.push(database);
      const env = {
        ...ADMIN_ENV,
        ...(database ? { DATABASE_URL: database.url as string } : { DATA_DIR: dataDir }),
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'Crossroads <noreply@example.org>',
        PUBLIC_URL: 'https://crossroads.example.org',
        NOTIFY_POLL_SECONDS: '1',
        // Long enough that no second attempt is under way when the server is killed after the first.
        NOTIFY_RETRY_SECONDS: String(RETRY_SECONDS),
      };
      const email = `reset.${outage}.${backend}@example.org`;
      const secrets = [ADMIN.password, email];

      const first = await startServerProcess(env);
      servers.push(first);
      const coordinator = await signIn(first.port);
      secrets.push(coordinator.token, coordinator.csrfToken);
      const created = await call(coordinator, 'POST', '/api/users', { email, name: 'Amélie Reset', language: 'fr' });
      expect(created.status).toBe(201);
      const { user, oneTimePassword } = created.body as { user: { id: string }; oneTimePassword: string };
      const id = user.id;
      secrets.push(oneTimePassword);
      const reset = await call(coordinator, 'POST', `/api/users/${id}/password-reset`);
      // Acknowledged: the reset, its notice and its email are committed.
      expect(reset.status).toBe(200);
      secrets.push((reset.body as { oneTimePassword: string }).oneTimePassword);

      // The sender has tried once, been turned away, and put the email back for later: kill it now.
      await logged(first, 'email could not be sent and will be tried again');
      first.child.kill('SIGKILL');
      expect(await first.exited).toBeNull();
      expect(smtp?.attempts ?? 0).toBe(outage === 'refused' ? 1 : 0);
      expect(smtp?.received ?? []).toEqual([]);

      // The SMTP server accepts now; the platform restarts on the same database.
      if (smtp) smtp.refuse = undefined;
      else {
        smtp = await startTestSmtp(smtpPort);
        mailServers.push(smtp);
      }
      const second = await startServerProcess(env);
      servers.push(second);
      const [mail] = await smtp.waitFor(1, 180_000);
      expect(mail?.to).toEqual([email]);
      expect(mail?.subject).toBe('Votre mot de passe a été réinitialisé');
      expect(mail?.headers['content-language']).toBe('fr');
      expect(mail?.text).toContain('https://crossroads.example.org/change-password');

      // Stopped, the server sends nothing more: what arrived is all it sent.
      expect(await second.stop()).toBe(0);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.attempts).toBe(outage === 'refused' ? 2 : 1);
      const opened =
        backend === 'postgres'
          ? await openDatabase({ databaseUrl: database?.url, dataDir: 'unused' })
          : await openDatabase({ dataDir });
      try {
        const notices = await opened.db.selectFrom('notification').select(['id', 'kind']).where('user_id', '=', id).execute();
        expect(notices.map((n) => n.kind)).toEqual(['account.password_reset']);
        const emails = await opened.db
          .selectFrom('notification_email')
          .select(['id', 'status', 'attempts', 'notification_id'])
          .where('user_id', '=', id)
          .execute();
        expect(emails).toEqual([{ id: emails[0]?.id, status: 'sent', attempts: 2, notification_id: notices[0]?.id }]);
        expect(mail?.headers['message-id']).toBe(`<notification-${emails[0]?.id}@crossroads.example.org>`);
      } finally {
        await opened.close();
      }

      // Neither server wrote the recipient's address or any secret to its log.
      const logs = first.output() + second.output();
      expect(secrets.filter((secret) => logs.includes(secret))).toEqual([]);
    },
  );
});
