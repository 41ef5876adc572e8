/**
 * The catalogue of what the audit log records: the actions entries are written under and the
 * record types they point at. Each domain declares its own in its `access.ts` (a `DomainAudits`
 * beside its verbs), adds them to these registries' types by declaration merging
 * (`declare module '../audit/catalogue.js' { interface AuditActionRegistry … }`), and is
 * registered at start-up by the list of domains (`domains.ts`); this layer names none of them.
 * The compiler then refuses an audit entry under an action no domain declared, and the audit page
 * reads its filters from here, so they cannot go stale.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each domain's access.ts through declaration merging.
export interface AuditActionRegistry {}
// biome-ignore lint/suspicious/noEmptyInterface: filled by each domain's access.ts through declaration merging.
export interface AuditRecordTypeRegistry {}

export type AuditAction = keyof AuditActionRegistry & string;
export type AuditRecordType = keyof AuditRecordTypeRegistry & string;

/** What a domain writes to the audit log: the actions and the record types. It imports nothing but types. */
export interface DomainAudits {
  actions: readonly string[];
  recordTypes: readonly string[];
}

/** A domain's audit actions, as the registry's entries. */
export type AuditActionsOf<T extends DomainAudits> = Record<T['actions'][number], true>;
/** A domain's audited record types, as the registry's entries. */
export type AuditRecordTypesOf<T extends DomainAudits> = Record<T['recordTypes'][number], true>;

export interface AuditCatalogue {
  /** Every action, with the domain that declares it, in registration order. */
  actions: Array<{ action: AuditAction; domain: string }>;
  /** Every record type, once, sorted. */
  recordTypes: AuditRecordType[];
}

let registered: AuditCatalogue | null = null;

/**
 * Takes every domain's audit actions and record types; called once by the list of domains. An
 * action declared by two domains stops start-up; a record type may be shared (a user, a session).
 */
export function registerAudits(domains: ReadonlyArray<{ name: string; audits: DomainAudits }>): void {
  const actions: AuditCatalogue['actions'] = [];
  const seen = new Set<string>();
  const recordTypes = new Set<string>();
  for (const { name, audits } of domains) {
    for (const action of audits.actions) {
      if (seen.has(action)) throw new Error(`The audit action ${action} is declared twice.`);
      seen.add(action);
      actions.push({ action: action as AuditAction, domain: name });
    }
    for (const type of audits.recordTypes) recordTypes.add(type);
  }
  registered = { actions, recordTypes: [...recordTypes].sort() as AuditRecordType[] };
}

/** The registered catalogue; fails loudly when no domain has registered (import the list of domains first). */
export function auditCatalogue(): AuditCatalogue {
  if (!registered) throw new Error('No domain has registered its audit actions: import the list of domains first.');
  return registered;
}
