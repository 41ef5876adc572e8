import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/**
 * Keys, their computation, fulfilment and burden indicators are public: an open fair-share
 * calculator is the point. The pledge and relocation ledger is read by any signed-in person.
 * The co-ordinator edits keys; pledges and relocations are recorded by the co-ordinator anywhere
 * and by a delegation for its own State only (country scope). The co-ordinator imports the
 * published figures of the EU-Turkey 1:1 scheme.
 */
export const solidarityAccess = {
  verbs: ['solidarity.key.edit', 'solidarity.pledge.record', 'solidarity.relocation.record', 'solidarity.one_for_one.import'],
  grants: {
    coordinator: [
      'solidarity.key.edit',
      'solidarity.pledge.record',
      'solidarity.relocation.record',
      'solidarity.one_for_one.import',
    ],
    delegation: ['solidarity.pledge.record', 'solidarity.relocation.record'],
  },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof solidarityAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const solidarityAudits = {
  actions: ['solidarity.key.edit', 'solidarity.pledge.record', 'solidarity.relocation.record', 'solidarity.one_for_one.import'],
  recordTypes: ['solidarity_key', 'solidarity_pledge', 'solidarity_relocation', 'solidarity_one_for_one'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof solidarityAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof solidarityAudits> {}
}
