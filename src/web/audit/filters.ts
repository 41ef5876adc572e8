/** The audit filters as the person sets them: dates as yyyy-mm-dd in their own time zone. */
export interface AuditFilterForm {
  verb: string;
  recordType: string;
  from: string;
  to: string;
}

export const EMPTY_FILTER: AuditFilterForm = { verb: '', recordType: '', from: '', to: '' };

/** The verbs recorded so far, grouped by their prefix; the prefix alone matches the whole group. */
export const VERB_GROUPS = [
  { prefix: 'auth.', verbs: ['auth.login', 'auth.login_failed', 'auth.logout', 'auth.change_password'] },
  { prefix: 'user.', verbs: ['user.bootstrap', 'user.create', 'user.update', 'user.grant', 'user.reset_password'] },
  { prefix: 'reference.', verbs: ['reference.edit'] },
  { prefix: 'audit.', verbs: ['audit.export'] },
] as const;

export const RECORD_TYPES = ['user', 'session', 'country', 'audit_log'] as const;

function startOfDay(date: string): string | undefined {
  const parsed = new Date(`${date}T00:00:00`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

function startOfNextDay(date: string): string | undefined {
  const parsed = new Date(`${date}T00:00:00`);
  if (Number.isNaN(parsed.getTime())) return undefined;
  parsed.setDate(parsed.getDate() + 1);
  return parsed.toISOString();
}

/** The API's query: `to` is exclusive on the server, so the chosen last day is included whole. */
export function auditQueryOf(form: AuditFilterForm) {
  return {
    verb: form.verb || undefined,
    recordType: form.recordType || undefined,
    from: form.from ? startOfDay(form.from) : undefined,
    to: form.to ? startOfNextDay(form.to) : undefined,
  };
}

export function rangeIsValid(form: AuditFilterForm): boolean {
  return !form.from || !form.to || form.from <= form.to;
}
