import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/** Running the platform: the co-ordinator sees the scheduled jobs and the outbox, and may run a job now. */
export const operationsAccess = {
  verbs: ['operations.read', 'operations.run'],
  grants: { coordinator: ['operations.read', 'operations.run'] },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof operationsAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const operationsAudits = {
  actions: ['operations.job.run'],
  recordTypes: ['scheduled_job'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof operationsAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof operationsAudits> {}
}
