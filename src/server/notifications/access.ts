import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/**
 * Everyone signed in reads their own notices and sets their own preferences (routes open to any
 * signed-in person, each answering only about the caller). The co-ordinator oversees delivery:
 * the emails that could not be sent, and sending them again.
 */
export const notificationAccess = {
  verbs: ['notification.oversee'],
  grants: { coordinator: ['notification.oversee'] },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof notificationAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const notificationAudits = {
  actions: ['notification.preference.set', 'notification.unsubscribe', 'notification.failures.read', 'notification.email.retry'],
  recordTypes: ['notification_preference', 'notification_email'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof notificationAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof notificationAudits> {}
}
