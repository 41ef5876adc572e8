import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/**
 * The co-ordinator searches and edits the whole roster. A focal point searches it and nominates
 * and edits its own structure's experts (organisation scope); a delegation nominates and edits
 * the experts its State seconds (country scope). Experts edit their own profile without a verb:
 * ownership is checked in the service.
 */
export const rosterAccess = {
  verbs: ['expert.search', 'expert.edit', 'expert.nominate'],
  grants: {
    coordinator: ['expert.search', 'expert.edit', 'expert.nominate'],
    focal_point: ['expert.search', 'expert.edit', 'expert.nominate'],
    delegation: ['expert.edit', 'expert.nominate'],
  },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof rosterAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const rosterAudits = {
  actions: ['expert.nominate', 'expert.edit', 'expert.account.invite', 'expert.account.link', 'expert.account.unlink'],
  recordTypes: ['expert'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof rosterAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof rosterAudits> {}
}
