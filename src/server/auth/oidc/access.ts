// Single sign-on declares no verbs of its own: its routes are public, like the password sign-in.
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../../audit/catalogue.js';

/** What it writes to the audit log (see audit/catalogue.ts). */
export const ssoAudits = {
  actions: ['auth.sso.sign_in', 'auth.sso.account_created', 'auth.sso.linked'],
  recordTypes: ['user', 'session'],
} as const satisfies DomainAudits;

declare module '../../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof ssoAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof ssoAudits> {}
}
