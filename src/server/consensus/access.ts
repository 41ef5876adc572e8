import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/**
 * The chair drafts, issues revisions, decides amendments, runs silence and records adoption. The
 * Secretariat reads everything and keeps the symbols and the register of commitments. A delegation
 * acts for its own State only (its grant's country): positions, amendments, breaking silence and
 * interpretative statements. The public reads adopted texts, without any verb.
 */
export const consensusAccess = {
  verbs: [
    'consensus.read_all',
    'consensus.follow',
    'consensus.draft',
    'consensus.adopt',
    'consensus.register',
    'consensus.position',
    'consensus.amend',
    'consensus.speak',
  ],
  grants: {
    chair: ['consensus.read_all', 'consensus.follow', 'consensus.draft', 'consensus.adopt'],
    secretariat: ['consensus.read_all', 'consensus.follow', 'consensus.register'],
    delegation: ['consensus.follow', 'consensus.position', 'consensus.amend', 'consensus.speak'],
  },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof consensusAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const consensusAudits = {
  actions: [
    'consensus.create',
    'consensus.edit',
    'consensus.withdraw',
    'consensus.symbol',
    'consensus.issue',
    'consensus.decide_amendment',
    'consensus.amend',
    'consensus.position',
    'consensus.silence_start',
    'consensus.silence_break',
    'consensus.silence_pass',
    'consensus.adopt',
    'consensus.statement',
    'consensus.join_statement',
    'consensus.register',
  ],
  recordTypes: ['consensus_document', 'consensus_amendment', 'consensus_silence', 'consensus_statement', 'consensus_commitment'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof consensusAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof consensusAudits> {}
}
