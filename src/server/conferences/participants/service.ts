import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { type SheetColumn, tableCsv, tableXlsx } from '../../files/sheet-writer.js';
import { balanceIndex } from '../../missions/balance/service.js';
import { SUBREGIONS } from '../../reference/values.js';
import { managedEvent, visibleEvent } from '../events/service.js';
import { GENDERS } from '../schemas.js';
import * as q from './queries.js';
import type { PublicParticipantList, RegistrationExportQuery, RegistrationList, StatisticsView } from './schemas.js';

const organisationOf = (r: q.RegistrationRow) => r.organisation_directory_name ?? r.organisation_name;

/** The participant list others see: confirmed participants who consented to appear on it. */
export async function publicParticipants(ctx: Context, eventId: string): Promise<PublicParticipantList> {
  await visibleEvent(ctx, eventId);
  const rows = await q.selectRegistrations(ctx.db, eventId);
  return {
    items: rows
      .filter((r) => r.status === 'confirmed' && r.listed)
      .map((r) => ({ name: r.name, function: r.function, organisation: organisationOf(r), countryIso2: r.country_iso2 }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Every registration of an event with its personal details, for its organiser; the reading is audited. */
export async function fullRegistrations(ctx: Context, eventId: string): Promise<RegistrationList> {
  await managedEvent(ctx, eventId);
  const rows = await q.selectRegistrations(ctx.db, eventId);
  if (rows.length > 0) {
    await audit(ctx.db, ctx, {
      verb: 'conference.participants.read',
      recordType: 'conference_event',
      recordId: eventId,
      details: { count: rows.length },
    });
  }
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      function: r.function,
      organisation: organisationOf(r),
      organisationType: r.organisation_type,
      countryIso2: r.country_iso2,
      accessibility: r.accessibility,
      dietary: r.dietary,
      visaLetter: r.visa_letter,
      listed: r.listed,
      status: r.status,
      checkedIn: r.checked_in_at !== null,
      registeredAt: new Date(r.created_at).toISOString(),
    })),
  };
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const STATUS_WORDS: Record<string, string> = { confirmed: 'confirmed', waiting: 'waiting list', cancelled: 'cancelled' };

const REGISTRATION_COLUMNS: SheetColumn<q.RegistrationRow>[] = [
  { header: 'Name', value: (r) => r.name },
  { header: 'Email', value: (r) => r.email },
  { header: 'Function', value: (r) => r.function },
  { header: 'Organisation', value: (r) => organisationOf(r) },
  { header: 'State', value: (r) => r.country_name ?? '' },
  { header: 'Status', value: (r) => STATUS_WORDS[r.status] ?? r.status },
  { header: 'Checked in', value: (r) => yesNo(r.checked_in_at !== null) },
  { header: 'Accessibility needs', value: (r) => r.accessibility },
  { header: 'Dietary needs', value: (r) => r.dietary },
  { header: 'Visa support letter', value: (r) => yesNo(r.visa_letter) },
  { header: 'On the public list', value: (r) => yesNo(r.listed) },
  { header: 'Registered', value: (r) => new Date(r.created_at).toISOString().slice(0, 16).replace('T', ' ') },
];

/** Every registration of an event as CSV or XLSX through the guarded writer, for its organiser; audited like the list. */
export async function exportRegistrations(
  ctx: Context,
  eventId: string,
  query: RegistrationExportQuery,
): Promise<Buffer | string> {
  await managedEvent(ctx, eventId);
  const rows = await q.selectRegistrations(ctx.db, eventId);
  await audit(ctx.db, ctx, {
    verb: 'conference.participants.read',
    recordType: 'conference_event',
    recordId: eventId,
    details: { count: rows.length, format: query.format },
  });
  return query.format === 'csv' ? tableCsv(REGISTRATION_COLUMNS, rows) : tableXlsx('Registrations', REGISTRATION_COLUMNS, rows);
}

/** The genders in the statistics, in this order, those who said nothing last. */
export const GENDER_KEYS = [...GENDERS, 'not_stated'] as const;

function counted(keys: ReadonlyArray<string>) {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Who takes part, by State, by organisation type, by sub-region and East or West of Vienna, with the balance index. */
export async function statistics(ctx: Context, eventId: string): Promise<StatisticsView> {
  await managedEvent(ctx, eventId);
  const rows = await q.selectRegistrations(ctx.db, eventId);
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const fromStates = confirmed.filter((r) => r.osce_status === 'participating');
  const bySubregion = counted(fromStates.map((r) => r.subregion ?? 'other'));
  // The fixed sub-regions of the participating States, so that one left out counts as imbalance.
  const regions = SUBREGIONS.filter((s) => s !== 'partners');
  const index = balanceIndex(regions.map((s) => bySubregion.find((c) => c.key === s)?.count ?? 0));
  return {
    confirmed: confirmed.length,
    waiting: rows.filter((r) => r.status === 'waiting').length,
    checkedIn: confirmed.filter((r) => r.checked_in_at !== null).length,
    byState: counted(confirmed.filter((r) => r.country_iso2).map((r) => r.country_iso2 as string)),
    byOrganisationType: counted(confirmed.map((r) => r.organisation_type ?? 'other')),
    bySubregion,
    byGender: GENDER_KEYS.map((key) => ({
      key,
      count: confirmed.filter((r) => (r.gender ?? 'not_stated') === key).length,
    })),
    eastOfVienna: fromStates.filter((r) => r.east_of_vienna === true).length,
    westOfVienna: fromStates.filter((r) => r.east_of_vienna === false).length,
    balanceIndex: index === null ? null : Math.round(index * 1000) / 1000,
  };
}
