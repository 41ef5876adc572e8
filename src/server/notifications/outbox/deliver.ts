import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { languageOf } from '../catalogue.js';
import { countryNamesFor } from '../present.js';
import { createMailer, type Mailer, type MailLog, PermanentMailError } from './mailer.js';
import * as q from './queries.js';
import { categoryOf, composeEmail } from './render.js';
import { signingKey, unsubscribeToken } from './signing.js';

export type DeliveryConfig = Pick<
  Config,
  'smtpUrl' | 'mailFrom' | 'publicUrl' | 'notifyMaxAttempts' | 'notifyRetrySeconds' | 'notifyPollMs'
>;

export interface DeliveryOptions {
  log: MailLog;
  /** Who sends, as recorded on the rows it claims; defaults to host and process id. */
  instance?: string;
  /** Tests and benchmarks: another way out than the configured one. */
  mailer?: Mailer;
  batchSize?: number;
  /** How long a claimed email is held by its instance; longer than any send may take (see mailer.ts). */
  leaseSeconds?: number;
}

export interface DeliveryRound {
  sent: number;
  retried: number;
  failed: number;
}

export interface Deliverer {
  /** Sends the emails that are due, a batch at a time, until none is left; resolves with what happened. */
  deliverDue(): Promise<DeliveryRound>;
  stop(): Promise<void>;
}

const LONGEST_WAIT_SECONDS = 6 * 3600;

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 500);
}

/** Creates the sender of the outbox without starting its timer (tests call deliverDue() themselves). */
export function createDeliverer(db: Kysely<DB>, config: DeliveryConfig, options: DeliveryOptions): Deliverer {
  const instance = options.instance ?? `${os.hostname()}:${process.pid}`;
  const mailer = options.mailer ?? createMailer(config, options.log);
  const batchSize = options.batchSize ?? 20;
  const leaseSeconds = options.leaseSeconds ?? 300;
  let running: Promise<DeliveryRound> | undefined;

  async function deliverBatch(round: DeliveryRound): Promise<number> {
    const claimed = await q.claimDue(db, instance, batchSize, leaseSeconds);
    if (claimed.length === 0) return 0;
    const people = new Map((await q.selectAddressees(db, [...new Set(claimed.map((e) => e.user_id))])).map((p) => [p.id, p]));
    const notices = await q.selectCarriedNotices(db, claimed);
    const countries = await countryNamesFor(db, notices);
    const key = await signingKey(db);

    await Promise.all(
      claimed.map(async (row) => {
        const person = people.get(row.user_id);
        const carried = notices.filter((n) => (row.notification_id ? n.id === row.notification_id : n.digest_id === row.id));
        try {
          if (!person || carried.length === 0)
            throw new PermanentMailError('nothing left to send: the account or its notices are gone');
          const language = languageOf(person.language);
          const category = row.notification_id ? categoryOf(carried[0]?.kind ?? '') : undefined;
          const email = composeEmail(
            carried,
            {
              language,
              name: person.name,
              publicUrl: config.publicUrl,
              ...(category ? { category, unsubscribeToken: unsubscribeToken(key, person.id, category) } : {}),
            },
            countries,
          );
          await mailer.send({
            emailId: row.id,
            to: { name: person.name, address: person.email },
            email,
            language,
            kinds: carried.map((n) => n.kind),
          });
          await q.markSent(db, row.id, instance);
          round.sent++;
        } catch (error) {
          const final = error instanceof PermanentMailError || row.attempts >= config.notifyMaxAttempts;
          const wait = Math.min(LONGEST_WAIT_SECONDS, config.notifyRetrySeconds * 2 ** (row.attempts - 1));
          await q.markAttemptFailed(db, row.id, instance, describe(error), final, wait);
          if (final) round.failed++;
          else round.retried++;
          // The outbox row is named, never the address: the co-ordinator's page shows whose it was.
          options.log[final ? 'error' : 'warn'](
            { email: row.id, attempt: row.attempts, error: describe(error), retryInSeconds: final ? undefined : wait },
            final ? 'email could not be sent and is reported as failed' : 'email could not be sent and will be tried again',
          );
        }
      }),
    );
    return claimed.length;
  }

  async function deliverAll(): Promise<DeliveryRound> {
    const round: DeliveryRound = { sent: 0, retried: 0, failed: 0 };
    while ((await deliverBatch(round)) === batchSize) {
      // A full batch: there may be more waiting.
    }
    return round;
  }

  return {
    deliverDue() {
      running ??= deliverAll().finally(() => {
        running = undefined;
      });
      return running;
    },
    async stop() {
      await running?.catch(() => {});
      mailer.close();
    },
  };
}

/** Starts sending: every instance looks for due emails every NOTIFY_POLL_SECONDS; the claims keep them apart. */
export function startDelivery(db: Kysely<DB>, config: DeliveryConfig, options: DeliveryOptions): { stop(): Promise<void> } {
  const deliverer = createDeliverer(db, config, options);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    deliverer
      .deliverDue()
      .catch((error) => options.log.error({ error: describe(error) }, 'the outbox could not be read'))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(tick, config.notifyPollMs);
        timer.unref();
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await deliverer.stop();
    },
  };
}
