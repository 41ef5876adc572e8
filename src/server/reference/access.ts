import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

export const referenceAccess = {
  verbs: ['reference.edit'],
  grants: { coordinator: ['reference.edit'] },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof referenceAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const referenceAudits = {
  actions: ['reference.edit'],
  recordTypes: ['country'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof referenceAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof referenceAudits> {}
}
