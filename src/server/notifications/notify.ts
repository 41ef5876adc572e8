import type { Kysely } from 'kysely';
import type { Role } from '../access/roles.js';
import type { DB } from '../db/schema.js';
import { KINDS, type Kind, MANDATORY } from './catalogue.js';
import * as q from './outbox/queries.js';
import type { EmailStatus } from './tables.js';

/** Who is told: these accounts, and the holders of these roles (in a country or an organisation, or everywhere). */
export interface Recipients {
  users?: ReadonlyArray<string | null | undefined>;
  roles?: ReadonlyArray<{ role: Role; country?: string | null; organisation?: string | null }>;
}

export interface Notice {
  kind: Kind;
  to: Recipients;
  /** The values of its text: names and references only, never protected or sensitive data. */
  params?: Record<string, string>;
  /** The page of the record, a path in the web client (`/missions/…`). */
  link: string;
  /** Someone not to tell, usually the person whose action caused the event. */
  except?: string | null | undefined;
}

/**
 * Tells people of an event: a notice for each, and an email in the outbox unless they turned the
 * category off (held for the digest when they asked for one). It must run in the transaction of
 * the event: nothing is sent for a write that rolls back, nothing lost for one that commits.
 * Returns how many people were told.
 */
export async function notify(trx: Kysely<DB>, notice: Notice): Promise<number> {
  if (!trx.isTransaction) throw new Error('notify() runs in the transaction of the event that causes it.');
  const category = KINDS[notice.kind];
  const userIds = [...new Set(notice.to.users?.filter((id): id is string => typeof id === 'string') ?? [])];
  const recipients = (await q.selectRecipients(trx, userIds, notice.to.roles ?? [])).filter((id) => id !== notice.except);
  if (recipients.length === 0) return 0;
  const params = JSON.stringify(notice.params ?? {});
  const inserted = await q.insertNotifications(
    trx,
    recipients.map((user_id) => ({ user_id, category, kind: notice.kind, params, link: notice.link })),
  );
  const modes = MANDATORY.includes(category) ? new Map() : await q.selectModes(trx, recipients, category);
  const emails = inserted.flatMap((row) => {
    const mode = modes.get(row.user_id) ?? 'immediate';
    if (mode === 'off') return [];
    const status: EmailStatus = mode === 'digest' ? 'held' : 'pending';
    return [{ user_id: row.user_id, notification_id: row.id, status }];
  });
  if (emails.length > 0) await q.insertEmails(trx, emails);
  return recipients.length;
}
