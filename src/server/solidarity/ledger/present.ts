import { allowedSubset } from '../../access/check.js';
import type { Context } from '../../context.js';
import type * as q from './queries.js';
import type { PledgeView, RelocationView } from './schemas.js';

export const iso = (value: Date | string) => new Date(value).toISOString();
export const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** Pledges as they leave the server, each with the actions the caller may take: one scope decision for the set. */
export function presentPledges(ctx: Context, rows: q.PledgeRow[]): PledgeView[] {
  const editable = new Set(
    allowedSubset(ctx.actor, 'solidarity.pledge.record', rows, (r) => ({ countryIso2: r.country_iso2 })).map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    countryIso2: row.country_iso2,
    countryName: row.country_name,
    type: row.type as PledgeView['type'],
    quantity: Number(row.quantity),
    currency: row.currency,
    beneficiaryIso2: row.beneficiary_iso2,
    description: row.description,
    pledgedOn: row.pledged_on,
    dueOn: row.due_on,
    status: row.status as PledgeView['status'],
    revision: row.revision,
    delivered: Number(row.delivered ?? 0),
    updatedAt: iso(row.updated_at),
    updatedBy: person(row.updated_by, row.updated_by_name),
    actions: editable.has(row.id) ? ['edit'] : [],
  }));
}

/** Relocations as they leave the server, with the caller's actions. */
export function presentRelocations(ctx: Context, rows: q.RelocationRow[]): RelocationView[] {
  const editable = new Set(
    allowedSubset(ctx.actor, 'solidarity.relocation.record', rows, (r) => ({ countryIso2: r.country_iso2 })).map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    countryIso2: row.country_iso2,
    countryName: row.country_name,
    fromIso2: row.from_iso2,
    fromName: row.from_name,
    period: row.period.slice(0, 7),
    persons: row.persons,
    pledgeId: row.pledge_id,
    note: row.note,
    revision: row.revision,
    updatedAt: iso(row.updated_at),
    updatedBy: person(row.updated_by, row.updated_by_name),
    actions: editable.has(row.id) ? ['edit'] : [],
  }));
}

/** What is kept of each version: the fields a person recorded, without bookkeeping columns. */
export function snapshotOf(row: Record<string, unknown>): Record<string, unknown> {
  const { created_at, created_by, updated_at, updated_by, revision, ...rest } = row;
  return rest;
}
