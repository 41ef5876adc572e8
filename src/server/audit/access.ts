import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

export const auditAccess = {
  verbs: ['audit.read', 'audit.export'],
  grants: { coordinator: ['audit.read', 'audit.export'] },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof auditAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const auditAudits = {
  actions: ['audit.export'],
  recordTypes: ['audit_log'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof auditAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof auditAudits> {}
}
