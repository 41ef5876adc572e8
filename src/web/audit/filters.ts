import type { AuditCatalogueView } from '../app/types';

/** The audit filters as the person sets them: dates as yyyy-mm-dd in their own time zone. */
export interface AuditFilterForm {
  verb: string;
  recordType: string;
  from: string;
  to: string;
}

export const EMPTY_FILTER: AuditFilterForm = { verb: '', recordType: '', from: '', to: '' };

/** The audit actions of one group, named by their common prefix; the prefix alone matches the whole group. */
export interface VerbGroup {
  prefix: string;
  verbs: string[];
}

/** The server's catalogue of actions, grouped by their first word (`user.`, `incident.`), in the catalogue's order. */
export function verbGroupsOf(catalogue: AuditCatalogueView): VerbGroup[] {
  const groups = new Map<string, string[]>();
  for (const { action } of catalogue.actions) {
    const prefix = `${action.split('.')[0]}.`;
    groups.set(prefix, [...(groups.get(prefix) ?? []), action]);
  }
  return [...groups].map(([prefix, verbs]) => ({ prefix, verbs }));
}

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
