// The sign-in domain declares no verbs of its own (its routes are public or for any signed-in person).
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/** What it writes to the audit log (see audit/catalogue.ts). */
export const authAudits = {
  actions: [
    'auth.login',
    'auth.login_failed',
    'auth.logout',
    'auth.change_password',
    'auth.change_password_refused',
    'auth.update_account',
    'auth.second_factor_enrol',
    'auth.second_factor_verified',
    'auth.second_factor_failed',
    'auth.second_factor_remove',
    'auth.second_factor_reset',
  ],
  recordTypes: ['user', 'session'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof authAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof authAudits> {}
}
