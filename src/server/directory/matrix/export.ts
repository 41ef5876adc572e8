import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { csvOf, xlsxOf } from '../../files/sheet-writer.js';
import { visibleContactRefs } from '../activities/present.js';
import { selectActivities } from '../activities/queries.js';
import { isoDate } from '../present.js';
import type { Reference } from '../reference.js';
import type { Viewer } from '../visibility.js';
import { COLUMNS, FIELDS, type Field } from './columns.js';
import type { ExportQuery } from './schemas.js';

/** The 3W matrix of the activities the viewer may see: a header row, a HXL row, one row per activity. */
export async function matrixRows(db: Kysely<DB>, viewer: Viewer, ref: Reference, query: ExportQuery) {
  const activities = await selectActivities(db, viewer, [], { ...query, lang: 'en' }, { all: true });
  const contacts = await visibleContactRefs(
    db,
    viewer,
    activities.map((a) => a.contact_id),
  );
  const en = (list: Map<string, { names: { en: string } }>, codes: readonly string[]) =>
    codes.map((c) => list.get(c)?.names.en ?? c).join('; ');
  const rows = activities.map((a) => {
    const contact = a.contact_id ? contacts.get(a.contact_id) : undefined;
    const values: Record<Field, string> = {
      organisation: a.organisation_name_en,
      organisationCode: a.organisation_code ?? '',
      organisationType: a.organisation_type,
      code: a.code,
      title: a.title,
      description: a.description ?? '',
      keyAreas: en(ref.keyAreas, a.key_areas),
      dimension: a.dimension ? en(ref.dimensions, [a.dimension]) : '',
      countries: a.countries.map((c) => ref.countries.get(c)?.iso3 ?? c).join('; '),
      countryNames: en(ref.countries, a.countries),
      place: a.place ?? '',
      startDate: isoDate(a.start_date) ?? '',
      endDate: isoDate(a.end_date) ?? '',
      status: a.status,
      targetGroups: a.target_groups.join('; '),
      contactName: contact?.name ?? '',
      contactEmail: contact?.emails[0] ?? '',
      visibility: a.visibility,
    };
    return FIELDS.map((f) => values[f]);
  });
  return {
    header: FIELDS.map((f) => COLUMNS[f].label),
    hxl: FIELDS.map((f) => COLUMNS[f].hxl),
    rows,
  };
}

/** The matrix as CSV with a byte-order mark (Excel then reads it as UTF-8); cells guarded by the writer. */
export function toCsv(sheet: { header: string[]; hxl: string[]; rows: string[][] }): Buffer {
  return Buffer.from(csvOf([sheet.header, sheet.hxl, ...sheet.rows], { bom: true }), 'utf8');
}

/** The matrix as a workbook, the label and HXL rows frozen above the activities. */
export function toXlsx(sheet: { header: string[]; hxl: string[]; rows: string[][] }, title = '3W'): Promise<Buffer> {
  return xlsxOf({ name: title, header: [sheet.header, sheet.hxl], rows: sheet.rows });
}
