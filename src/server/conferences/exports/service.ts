import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import type { Attachment } from '../../files/attachment.js';
import { type SheetColumn, tableCsv, tableXlsx } from '../../files/sheet-writer.js';
import { type Language, languageOf } from '../../notifications/catalogue.js';
import { peopleLines } from '../agenda/people/present.js';
import { getEvent, managedEvent } from '../events/service.js';
import { statistics } from '../participants/service.js';
import { checkInUrl } from '../registrations/service.js';
import { agendaPdf, badgesPdf } from './pdf.js';
import * as q from './queries.js';

interface StatisticsRow {
  breakdown: string;
  group: string;
  participants: number;
}

const STATISTICS_COLUMNS: SheetColumn<StatisticsRow>[] = [
  { header: 'Breakdown', value: (r) => r.breakdown },
  { header: 'Group', value: (r) => r.group },
  { header: 'Participants', value: (r) => r.participants },
];

const SUBREGION_NAMES: Record<string, string> = {
  western_europe_north_america: 'Western Europe and North America',
  south_eastern_europe: 'South-Eastern Europe',
  eastern_europe: 'Eastern Europe',
  south_caucasus: 'South Caucasus',
  central_asia: 'Central Asia',
  partners: 'Partners for Co-operation',
  other: 'Other',
};

const GENDER_NAMES: Record<string, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Another gender',
  undisclosed: 'Prefers not to say',
  not_stated: 'Not stated',
};

/** The statistics of an event as CSV or XLSX, through the guarded writer, for its organiser. */
export async function statisticsFile(ctx: Context, eventId: string, format: 'csv' | 'xlsx'): Promise<Attachment> {
  const s = await statistics(ctx, eventId);
  const names = await q.countryNames(ctx.db);
  const rows: StatisticsRow[] = [
    { breakdown: 'Total', group: 'Confirmed', participants: s.confirmed },
    { breakdown: 'Total', group: 'Waiting list', participants: s.waiting },
    { breakdown: 'Total', group: 'Checked in', participants: s.checkedIn },
    ...s.byState.map((c) => ({ breakdown: 'State', group: names.get(c.key) ?? c.key, participants: c.count })),
    ...s.byOrganisationType.map((c) => ({ breakdown: 'Organisation type', group: c.key, participants: c.count })),
    ...s.bySubregion.map((c) => ({ breakdown: 'Sub-region', group: SUBREGION_NAMES[c.key] ?? c.key, participants: c.count })),
    ...s.byGender.map((c) => ({ breakdown: 'Gender', group: GENDER_NAMES[c.key] ?? c.key, participants: c.count })),
    { breakdown: 'Vienna', group: 'East of Vienna', participants: s.eastOfVienna },
    { breakdown: 'Vienna', group: 'West of Vienna', participants: s.westOfVienna },
  ];
  const notes = [`Balance index over the sub-regions (0 to 1): ${s.balanceIndex ?? 'none'}`];
  const filename = `statistics-${eventId.slice(0, 8)}.${format}`;
  if (format === 'csv') return { kind: 'csv', filename, body: tableCsv(STATISTICS_COLUMNS, rows) };
  return { kind: 'xlsx', filename, body: await tableXlsx('Statistics', STATISTICS_COLUMNS, rows, notes) };
}

/** The agenda of an event the caller may see, as a PDF in the language asked for, else the reader's. */
export async function agendaFile(ctx: Context, eventId: string, lang?: Language): Promise<Attachment> {
  const language = lang ?? languageOf(ctx.actor?.language);
  const e = await getEvent(ctx, eventId);
  const day = (local: string) => local.replace('T', ' ');
  const body = await agendaPdf(
    {
      title: e.title,
      organiser: e.organiser.name,
      when: `${day(e.startsLocal)} – ${day(e.endsLocal)} (${e.timeZone})`,
      where: [e.venue, e.onlineUrl].filter(Boolean).join(' · '),
      sessions: e.sessions.map((s) => ({
        time: `${day(s.startsLocal)}–${s.endsLocal.slice(11)}`,
        title: s.title,
        room: s.room,
        people: peopleLines(s.people, language),
      })),
    },
    language,
  );
  return { kind: 'pdf', filename: `agenda-${eventId.slice(0, 8)}.pdf`, body };
}

/** Name badges of the confirmed participants, each with the QR code of its check-in address; the reading is audited. */
export async function badgesFile(ctx: Context, eventId: string): Promise<Attachment> {
  await managedEvent(ctx, eventId);
  const e = await getEvent(ctx, eventId);
  const rows = await q.selectBadges(ctx.db, eventId);
  const badges = await Promise.all(
    rows.map(async (r) => ({
      name: r.name,
      function: r.function,
      organisation: r.organisation_directory_name ?? r.organisation_name,
      state: r.state ?? '',
      qr: await (await import('qrcode')).default.toDataURL(checkInUrl(ctx, r.token), {
        errorCorrectionLevel: 'M',
        margin: 2,
        width: 300,
      }),
    })),
  );
  await audit(ctx.db, ctx, {
    verb: 'conference.participants.read',
    recordType: 'conference_event',
    recordId: eventId,
    details: { count: rows.length, format: 'badges' },
  });
  const body = await badgesPdf({ title: e.title, when: `${e.startsLocal.slice(0, 10)} (${e.timeZone})` }, badges);
  return { kind: 'pdf', filename: `badges-${eventId.slice(0, 8)}.pdf`, body };
}
