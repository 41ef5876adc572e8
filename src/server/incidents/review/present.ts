import type { ReportRow } from '../queries.js';
import type { CaseSummary, CaseView } from './schemas.js';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** What a reviewer sees of a report in the queue: no protected field, ever. */
export function presentSummary(row: ReportRow): CaseSummary {
  return {
    id: row.id,
    status: row.status as CaseSummary['status'],
    occurredOn: row.occurred_on,
    dateApproximate: row.date_approximate,
    country: row.country_iso2,
    place: row.place,
    incidentType: row.incident_type,
    biasMotivation: row.bias_motivation,
    source: row.source,
    assignee: row.assigned_to ? { id: row.assigned_to, name: row.assignee_name ?? '' } : null,
    receivedAt: new Date(row.received_at).toISOString(),
  };
}

export function presentCase(
  row: ReportRow,
  events: Array<{
    id: string;
    at: Date;
    actor_id: string | null;
    actor_name: string | null;
    kind: string;
    from_status: string | null;
    to_status: string | null;
    note: string | null;
  }>,
  sealed: Array<{ kind: string; n: number }>,
  duplicates: string[],
  actions: string[],
): CaseView {
  const count = (kind: string) => Number(sealed.find((s) => s.kind === kind)?.n ?? 0);
  return {
    ...presentSummary(row),
    point:
      row.latitude === null || row.longitude === null
        ? null
        : { latitude: Number(row.latitude), longitude: Number(row.longitude) },
    propertyTarget: row.property_target,
    targets: row.targets,
    biasIndicators: row.bias_indicators,
    contactConsent: row.contact_consent,
    redactedDescription: row.redacted_description,
    duplicateOf: row.duplicate_of,
    duplicates,
    rejectionReason: row.rejection_reason,
    closedAt: iso(row.closed_at),
    contactDeletedAt: iso(row.contact_deleted_at),
    protectedItems: { contact: count('contact') > 0, description: count('description') > 0, photos: count('photo') },
    history: events.map((e) => ({
      id: String(e.id),
      at: new Date(e.at).toISOString(),
      actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? '' } : null,
      kind: e.kind,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
    })),
    actions,
  };
}
