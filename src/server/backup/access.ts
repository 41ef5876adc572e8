import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

export const backupAccess = {
  verbs: ['backup.create'],
  grants: { coordinator: ['backup.create'] },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof backupAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const backupAudits = {
  actions: ['backup.create', 'backup.restore'],
  recordTypes: ['database'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof backupAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof backupAudits> {}
}
