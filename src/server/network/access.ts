import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/**
 * A State's delegation nominates the State's national focal points and renews them; the
 * co-ordinator confirms them and runs the network and its library. Being a member of the network
 * is not a role: it is a confirmed, unexpired focal-point membership (see focal-points/), which
 * opens the network's directory, notices and library to its holder whatever their roles.
 */
export const networkAccess = {
  verbs: ['network.nominate', 'network.confirm', 'network.manage'],
  grants: {
    coordinator: ['network.nominate', 'network.confirm', 'network.manage'],
    delegation: ['network.nominate'],
  },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof networkAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const networkAudits = {
  actions: [
    'network.nominate',
    'network.confirm',
    'network.renew',
    'network.withdraw',
    'network.directory_read',
    'library.upload',
    'library.version',
    'library.edit',
    'library.download',
    'library.group',
    'network.notice',
    'network.acknowledge',
    'network.comment',
    'network.request',
    'network.answer',
    'network.best_answer',
    'network.save_answer',
  ],
  recordTypes: ['network_focal_point', 'library_document', 'library_group', 'network_notice', 'network_request'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof networkAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof networkAudits> {}
}
