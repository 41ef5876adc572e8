import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/**
 * The directory's verbs. Reading is open: what a person sees is decided by each record's visibility
 * (see visibility.ts), not by a verb, so that one rule holds in every list, search, count and export.
 */
export const directoryAccess = {
  verbs: ['directory.edit', 'directory.import', 'directory.manage', 'directory.read_all'],
  grants: {
    // Within their scope: a focal point keeps their structure's contacts and activities.
    focal_point: ['directory.edit', 'directory.import'],
    coordinator: ['directory.edit', 'directory.import', 'directory.manage', 'directory.read_all'],
  },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof directoryAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const directoryAudits = {
  actions: [
    'directory.contact.create',
    'directory.contact.update',
    'directory.contact.delete',
    'directory.contact.confirm',
    'directory.activity.create',
    'directory.activity.update',
    'directory.activity.delete',
    'directory.organisation.create',
    'directory.organisation.update',
    'directory.import',
    'directory.export',
  ],
  recordTypes: ['directory_contact', 'directory_activity', 'organisation'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof directoryAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof directoryAudits> {}
}
