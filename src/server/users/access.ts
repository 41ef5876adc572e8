import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

export const userAccess = {
  verbs: ['user.read', 'user.manage'],
  grants: { coordinator: ['user.read', 'user.manage'] },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof userAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const userAudits = {
  actions: ['user.bootstrap', 'user.create', 'user.update', 'user.grant', 'user.reset_password'],
  recordTypes: ['user'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof userAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof userAudits> {}
}
