import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Reference } from '../reference.js';
import type { Visibility } from '../schemas.js';
import { fold } from '../text.js';
import { mayEdit, sees, type Viewer } from '../visibility.js';
import { type ParsedRow, rowParser } from './parse-row.js';
import * as q from './queries.js';
import type { SheetRow } from './read.js';

/** The values an activity will have, as the database stores them. */
export interface ActivityValues {
  organisation_id: string;
  title: string;
  description: string | null;
  key_areas: string[];
  dimension: string | null;
  countries: string[];
  place: string | null;
  start_date: string | null;
  end_date: string | null;
  status: 'planned' | 'ongoing' | 'completed';
  target_groups: string[];
  contact_id: string | null;
  visibility: Visibility;
}

/** What an import will do, row by row; nothing is written while planning. */
export interface Plan {
  rejections: { row: number; reasons: string[] }[];
  newOrganisations: Map<string, { name: string; type: string }>;
  newContacts: Map<string, { organisation: string; name: string; email: string | null }>;
  creates: { row: number; code: string | null; values: ActivityValues }[];
  updates: { row: number; id: string; code: string; values: ActivityValues }[];
  unchanged: { row: number; code: string; title: string }[];
}

/** A reference to an organisation or contact that may only exist once the import writes it. */
export const PENDING = 'pending:';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function changed(before: ActivityValues, after: ActivityValues): boolean {
  return (Object.keys(after) as (keyof ActivityValues)[]).some((k) => {
    const x = before[k];
    const y = after[k];
    return Array.isArray(x) && Array.isArray(y) ? !sameList(x, y) : x !== y;
  });
}

/** Matches every row against the directory: what to create, update or leave, and what to reject and why. */
export async function planImport(
  db: Kysely<DB>,
  viewer: Viewer,
  mayCreateOrganisations: boolean,
  ref: Reference,
  rows: SheetRow[],
  progress: (done: number) => void,
): Promise<Plan> {
  const plan: Plan = {
    rejections: [],
    newOrganisations: new Map(),
    newContacts: new Map(),
    creates: [],
    updates: [],
    unchanged: [],
  };
  const parseRow = rowParser(ref);
  const organisations = await q.selectOrganisationsForImport(db);
  const byName = new Map<string, Set<string>>();
  const byCode = new Map<string, string>();
  const nameOf = new Map<string, string>();
  for (const o of organisations) {
    nameOf.set(o.id, o.acronym ?? o.name_en);
    if (o.code) byCode.set(o.code.toUpperCase(), o.id);
    for (const name of [o.code, o.acronym, o.name_en, o.name_fr, o.name_de, o.name_it, o.name_ru, o.name_es]) {
      if (!name) continue;
      const k = fold(name);
      byName.set(k, (byName.get(k) ?? new Set()).add(o.id));
    }
  }

  const parsed: { row: ParsedRow; organisation: string }[] = [];
  const reject = (row: number, reasons: string[]) => plan.rejections.push({ row, reasons });
  for (const [i, sheetRow] of rows.entries()) {
    if (i % 500 === 0) progress(i);
    const result = parseRow(sheetRow);
    if ('reasons' in result) {
      reject(sheetRow.row, result.reasons);
      continue;
    }
    const row = result.parsed;
    const { name, code, type } = row.organisation;
    let organisation = code ? byCode.get(code.toUpperCase()) : undefined;
    if (!organisation) {
      const found = [...(byName.get(fold(name || code || '')) ?? [])];
      if (found.length > 1) {
        reject(row.row, [`“${name}” names ${found.length} organisations; give its code (#org+code).`]);
        continue;
      }
      organisation = found[0];
    }
    if (!organisation) {
      if (!mayCreateOrganisations || !type) {
        const hint = mayCreateOrganisations ? ' Give its type (#org+type) to add it.' : ' The co-ordinator can add it.';
        reject(row.row, [`The organisation “${name || code}” is not in the directory.${hint}`]);
        continue;
      }
      const k = fold(name);
      if (!plan.newOrganisations.has(k)) plan.newOrganisations.set(k, { name: name.trim(), type });
      organisation = `${PENDING}${k}`;
    } else if (!mayEdit(viewer, organisation)) {
      reject(row.row, [`You may not change the activities of ${nameOf.get(organisation)}: only those of your own structure.`]);
      continue;
    }
    parsed.push({ row, organisation });
  }

  const ids = [...new Set(parsed.map((p) => p.organisation).filter((id) => !id.startsWith(PENDING)))];
  const codes = parsed.flatMap((p) => (p.row.code ? [p.row.code] : []));
  const { rows: titleKeys } = await sql<{
    k: string;
  }>`select directory_fold(t) as k from unnest(${parsed.map((p) => p.row.title)}::text[]) with ordinality as x(t, n) order by n`.execute(
    db,
  );
  const existing = await q.selectActivitiesForImport(db, codes, ids);
  const existingByCode = new Map(existing.map((a) => [a.code, a]));
  const existingByTitle = new Map(existing.map((a) => [`${a.organisation_id}|${a.title_key}`, a]));
  const emails = parsed.flatMap((p) => (p.row.contact?.email ? [p.row.contact.email] : []));
  const contacts = (await q.selectContactsForImport(db, emails, ids)).filter((c) =>
    sees(viewer, { visibility: c.visibility, organisationId: c.organisation_id }),
  );

  const seenCodes = new Map<string, number>();
  const seenTitles = new Map<string, number>();
  for (const [i, { row, organisation }] of parsed.entries()) {
    if (i % 500 === 0) progress(rows.length / 2 + i / 2);
    const titleKey = `${organisation}|${titleKeys[i]?.k ?? fold(row.title)}`;
    const twin = (row.code && seenCodes.get(row.code)) || seenTitles.get(titleKey);
    if (twin) {
      reject(row.row, [`This row describes the same activity as row ${twin}.`]);
      continue;
    }
    if (row.code) seenCodes.set(row.code, row.row);
    seenTitles.set(titleKey, row.row);
    let match = row.code ? existingByCode.get(row.code) : undefined;
    if (match && match.organisation_id !== organisation) {
      reject(row.row, [`The activity code ${row.code} belongs to an activity of ${nameOf.get(match.organisation_id)}.`]);
      continue;
    }
    const sameTitle = existingByTitle.get(titleKey);
    if (match && sameTitle && sameTitle.id !== match.id) {
      reject(row.row, ['Another activity of this organisation already has this title.']);
      continue;
    }
    match ??= row.code ? undefined : sameTitle;
    if (!match && sameTitle) {
      reject(row.row, [`This organisation already has this activity under the code ${sameTitle.code}.`]);
      continue;
    }

    let contactId: string | null | undefined;
    if (row.contact) {
      const { name, email } = row.contact;
      const found =
        (email &&
          (contacts.find((c) => c.emails.includes(email) && c.organisation_id === organisation) ??
            contacts.find((c) => c.emails.includes(email)))) ||
        (name && !email ? contacts.find((c) => c.organisation_id === organisation && fold(c.name) === fold(name)) : undefined);
      if (found) contactId = found.id;
      else if (!name) {
        reject(row.row, [`No contact has the email ${email}; give the contact person’s name to add them.`]);
        continue;
      } else {
        const k = `${organisation}|${email ?? fold(name)}`;
        if (!plan.newContacts.has(k)) plan.newContacts.set(k, { organisation, name, email });
        contactId = `${PENDING}${k}`;
      }
    }

    const base: ActivityValues = match
      ? {
          organisation_id: match.organisation_id,
          title: match.title,
          description: match.description,
          key_areas: match.key_areas,
          dimension: match.dimension,
          countries: match.countries,
          place: match.place,
          start_date: match.start_date,
          end_date: match.end_date,
          status: match.status,
          target_groups: match.target_groups,
          contact_id: match.contact_id,
          visibility: match.visibility,
        }
      : {
          organisation_id: organisation,
          title: row.title,
          description: null,
          key_areas: [],
          dimension: null,
          countries: [],
          place: null,
          start_date: null,
          end_date: null,
          status: 'planned',
          target_groups: [],
          contact_id: null,
          visibility: 'public',
        };
    const values: ActivityValues = {
      ...base,
      title: row.title,
      countries: row.countries,
      ...(row.description !== undefined ? { description: row.description } : {}),
      ...(row.keyAreas !== undefined ? { key_areas: row.keyAreas } : {}),
      ...(row.dimension !== undefined ? { dimension: row.dimension } : {}),
      ...(row.place !== undefined ? { place: row.place } : {}),
      ...(row.startDate !== undefined ? { start_date: row.startDate } : {}),
      ...(row.endDate !== undefined ? { end_date: row.endDate } : {}),
      ...(row.status !== undefined ? { status: row.status } : {}),
      ...(row.targetGroups !== undefined ? { target_groups: row.targetGroups } : {}),
      ...(contactId !== undefined ? { contact_id: contactId } : {}),
      ...(row.visibility !== undefined ? { visibility: row.visibility } : {}),
    };
    if (values.start_date && values.end_date && values.end_date < values.start_date) {
      reject(row.row, ['The activity would end before it starts.']);
    } else if (!match) plan.creates.push({ row: row.row, code: row.code, values });
    else if (changed(base, values)) plan.updates.push({ row: row.row, id: match.id, code: match.code, values });
    else plan.unchanged.push({ row: row.row, code: match.code, title: match.title });
  }
  plan.rejections.sort((a, b) => a.row - b.row);
  return plan;
}
