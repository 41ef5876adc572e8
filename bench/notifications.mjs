// Notification outbox throughput: the emails per second that the outbox sends to a local SMTP
// server (claims, rendering in the reader's language, SMTP, marking sent), against the rate at
// which the same number of notices and outbox rows is written by notify(), each event in its own
// transaction, in the same run. Repeated BENCH_NOTIFY_ROUNDS times (5) with BENCH_NOTIFY_MAILS
// emails (500) each; the median and the spread are printed. PGlite always, PostgreSQL too when
// BENCH_DATABASE_URL or TEST_DATABASE_URL names a server (BENCH_NOTIFY_BACKENDS=pglite or postgres runs one).
import { SMTPServer } from 'smtp-server';
import { benchBackends, dist, figure, openFresh, sized } from './lib.mjs';

const MAILS = sized('BENCH_NOTIFY_MAILS', 500, 50);
const ROUNDS = Number(process.env.BENCH_NOTIFY_ROUNDS ?? 5);
const PEOPLE = 20;

async function startSmtp() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    received: () => received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function suite(backend) {
  const { database, drop } = await openFresh(backend, { name: 'notify' });
  const db = database.db;
  const smtp = await startSmtp();
  const { notify } = await import(dist('notifications/notify.js'));
  const { createDeliverer } = await import(dist('notifications/outbox/deliver.js'));
  const { loadConfig } = await import(dist('config.js'));
  const config = loadConfig({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://crossroads.example.org' });
  const languages = ['en', 'fr', 'de', 'it', 'ru', 'es'];
  const people = [];
  for (let i = 0; i < PEOPLE; i++) {
    const row = await db
      .insertInto('app_user')
      .values({ email: `bench.${i}@example.org`, name: `Bench ${i}`, language: languages[i % 6], password_hash: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    people.push(row.id);
  }
  const quiet = { info() {}, warn() {}, error() {} };
  const deliverer = createDeliverer(db, config, { log: quiet, batchSize: 50 });
  const inserted = [];
  const sent = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      let started = performance.now();
      for (let i = 0; i < MAILS; i++) {
        await db.transaction().execute((trx) =>
          notify(trx, {
            kind: 'mission.booked',
            to: { users: [people[i % PEOPLE]] },
            params: { mission: `BENCH-${round}-${i} Border monitoring` },
            link: `/missions/bench-${i}`,
          }),
        );
      }
      inserted.push(MAILS / ((performance.now() - started) / 1000));
      const before = smtp.received();
      started = performance.now();
      while (smtp.received() - before < MAILS) {
        const { sent: n, retried, failed } = await deliverer.deliverDue();
        if (retried + failed > 0) throw new Error(`${retried + failed} emails were refused by the local server`);
        if (n === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      sent.push(MAILS / ((performance.now() - started) / 1000));
      process.stderr.write(
        `  ${backend} round ${round + 1}: ${inserted.at(-1).toFixed(0)} rows/s written, ${sent.at(-1).toFixed(0)} mails/s sent\n`,
      );
    }
    const ratios = sent.map((s, i) => s / inserted[i]);
    const spread = (values) => ({ min: Number(Math.min(...values).toFixed(1)), max: Number(Math.max(...values).toFixed(1)) });
    const context = { backend, mails: MAILS, rounds: ROUNDS };
    figure('notifications.outbox_rows_written', median(inserted), 'rows/s', { ...context, spread: spread(inserted) });
    figure('notifications.outbox_mails_sent', median(sent), 'mails/s', { ...context, spread: spread(sent) });
    figure('notifications.sent_per_written', median(ratios), 'ratio', {
      ...context,
      spread: { min: Number(Math.min(...ratios).toFixed(3)), max: Number(Math.max(...ratios).toFixed(3)) },
    });
  } finally {
    await deliverer.stop();
    await smtp.close();
    await database.close();
    await drop();
  }
}

export async function run() {
  for (const backend of benchBackends('BENCH_NOTIFY_BACKENDS')) await suite(backend);
}
