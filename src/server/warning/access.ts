import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/**
 * The indicator catalogue and the series are public (partners reuse them); alerts and the risk
 * view are read by any signed-in person. Analysts import data, tune rules and acknowledge alerts;
 * an analyst scoped to countries does so for those countries only. The catalogue of indicators is
 * changed by global analysts and the co-ordinator. Scheduled data feeds import for every country
 * as the platform itself, so the co-ordinator alone keeps them (and sees their addresses, which may
 * hold a token).
 */
export const warningAccess = {
  verbs: ['warning.import', 'warning.rule.edit', 'warning.alert.decide', 'warning.indicator.edit', 'warning.feed.edit'],
  grants: {
    coordinator: ['warning.import', 'warning.rule.edit', 'warning.alert.decide', 'warning.indicator.edit', 'warning.feed.edit'],
    analyst: ['warning.import', 'warning.rule.edit', 'warning.alert.decide', 'warning.indicator.edit'],
  },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof warningAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const warningAudits = {
  actions: [
    'warning.indicator.edit',
    'warning.rule.edit',
    'warning.alert.decide',
    'warning.import',
    'warning.feed.edit',
    'warning.feed.run',
  ],
  recordTypes: ['warning_indicator', 'warning_rule', 'warning_alert', 'warning_import_batch', 'warning_feed'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof warningAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof warningAudits> {}
}
