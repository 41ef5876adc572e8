import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { seedPartnerOrganisations } from '../partners.js';
import { organisationLabel } from '../present.js';
import { loadReference, searchTextOf } from '../reference.js';
import type { Visibility } from '../schemas.js';
import {
  ACTIVITY_TEMPLATES,
  CALLING_CODES,
  COMPETENCES_BY_KEY_AREA,
  DEMO_ORGANISATIONS,
  DIMENSION_OF_KEY_AREA,
  FIRST_NAMES,
  LANGUAGES_OF,
  LAST_NAMES,
  PLACES,
  ROUTE_NEIGHBOURS,
  TITLES,
} from './data.js';

const KEY_AREAS = Object.keys(ACTIVITY_TEMPLATES);
const TARGETS = ['refugees', 'asylum_seekers', 'migrants', 'victims_of_trafficking', 'idps', 'host_communities', 'officials'];
/** The demonstration is dated from here, so that it is the same whenever it is loaded. */
const TODAY = Date.UTC(2026, 10, 1);
const DAY = 24 * 3600 * 1000;

/** A stable identifier for a demonstration record, so that loading it again finds the same rows. */
function demoId(key: string): string {
  const h = createHash('sha256').update(`crossroads-demo:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A small deterministic random sequence (mulberry32). */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const some = <T>(list: readonly T[], n: number): T[] => [...new Set(Array.from({ length: n }, () => pick(list)))];
  return { next, pick, some };
}

const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

function visibility(r: number, publicShare: number): Visibility {
  if (r < publicShare) return 'public';
  if (r < publicShare + (1 - publicShare) * 0.5) return 'signed_in';
  if (r < publicShare + (1 - publicShare) * 0.85) return 'osce_staff';
  return 'coordinator';
}

/**
 * A realistic directory for demonstrations: several hundred invented contacts and activities across
 * the real OSCE structures, field operations and partner organisations. Deterministic, and safe to
 * load again: every row has a fixed identifier and existing rows are left alone.
 */
/** A plausible number in the country's own international format (invented subscriber digits). */
function phoneIn(iso2: string, n: number): string {
  const code = CALLING_CODES[iso2] ?? '43';
  const digits = String(2_000_000 + ((n * 7919) % 7_000_000));
  return `+${code} ${String(10 + (n % 89))} ${digits.slice(0, 3)} ${digits.slice(3)}`;
}

export async function seedDirectoryDemo(db: Kysely<DB>): Promise<void> {
  await seedPartnerOrganisations(db);
  const ref = await loadReference(db);
  const rnd = random(20161201);
  await db.transaction().execute(async (trx) => {
    for (const o of DEMO_ORGANISATIONS) {
      await trx
        .insertInto('organisation')
        .values({
          code: o.code,
          type: o.type,
          name_en: o.name,
          country_iso2: o.country,
          city: o.city,
          mandate_summary: o.mandate,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    const organisations = (
      await trx
        .selectFrom('organisation')
        .select(['id', 'code', 'type', 'acronym', 'name_en', 'country_iso2'])
        .orderBy('code')
        .execute()
    ).filter((o) => o.code && !['SEC', 'DMF', 'DHR'].includes(o.code));

    const desk = organisations.find((o) => o.code === 'OSG') ?? organisations[0];
    if (desk) {
      await trx
        .insertInto('directory_contact')
        .values({
          id: demoId('contact:desk'),
          organisation_id: desk.id,
          name: 'Crossroads Co-ordination Desk',
          title: 'Co-ordinator for the response to migration and refugee flows',
          emails: ['crossroads.desk@osce.example.org'],
          phones: ['+43 1 514 36 6000'],
          languages: ['en', 'fr', 'de', 'ru'],
          key_areas: KEY_AREAS,
          visibility: 'public',
          fallback: true,
          confirmed_at: new Date(TODAY - 10 * DAY),
          search_text: searchTextOf(ref, { organisation: organisationLabel(desk), keyAreas: KEY_AREAS }),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }

    const contactsOf = new Map<string, string[]>();
    const contactRows: Insertable<DB['directory_contact']>[] = [];
    const activityRows: Insertable<DB['directory_activity']>[] = [];
    for (const [index, organisation] of organisations.entries()) {
      const home = organisation.country_iso2 ?? 'AT';
      const field = organisation.type === 'field_operation';
      const national = organisation.type === 'state_authority';
      const staff = field ? 8 : organisation.type === 'international_organisation' ? 10 : 5;
      for (let i = 0; i < staff; i++) {
        const first = rnd.pick(FIRST_NAMES);
        const last = rnd.pick(LAST_NAMES);
        const keyAreas = rnd.some(KEY_AREAS, 1 + Math.floor(rnd.next() * 2));
        const main = keyAreas[0] as string;
        // A field operation covers its own region, a national agency its own country.
        const covered = field
          ? [home, ...rnd.some(ROUTE_NEIGHBOURS[home] ?? [], Math.floor(rnd.next() * 2))]
          : national
            ? [home]
            : rnd.some(Object.keys(PLACES), 1 + Math.floor(rnd.next() * 4));
        const countries = [...new Set(covered)].filter((c) => ref.countries.has(c)).sort();
        const competences = rnd.some(COMPETENCES_BY_KEY_AREA[main] ?? [], 1 + Math.floor(rnd.next() * 3));
        const languages = [
          ...new Set([
            'en',
            ...(LANGUAGES_OF[home] ?? []),
            ...(rnd.next() < 0.4 ? ['ru'] : []),
            ...(rnd.next() < 0.3 ? ['fr'] : []),
          ]),
        ].filter((l) => ref.languages.has(l));
        const domain = (organisation.code ?? 'org').toLowerCase().replace(/[^a-z0-9]+/g, '-');
        const id = demoId(`contact:${organisation.code}:${i}`);
        contactRows.push({
          id,
          organisation_id: organisation.id,
          name: `${first} ${last}`,
          title: rnd.pick(TITLES[main] ?? ['Programme Officer']),
          emails: [`${ascii(first)}.${ascii(last)}@${domain}.example.org`],
          phones: [phoneIn(home, index * 37 + i * 11)],
          languages,
          key_areas: keyAreas,
          competences,
          countries,
          visibility: visibility(rnd.next(), 0.45),
          confirmed_at: new Date(TODAY - Math.floor(rnd.next() * 300) * DAY),
          search_text: searchTextOf(ref, { organisation: organisationLabel(organisation), keyAreas, competences, countries }),
        });
        contactsOf.set(organisation.id, [...(contactsOf.get(organisation.id) ?? []), id]);
      }
    }

    for (const [index, organisation] of organisations.entries()) {
      const home = organisation.country_iso2 ?? 'AT';
      const count = organisation.type === 'field_operation' ? 9 : organisation.type === 'international_organisation' ? 8 : 4;
      for (let i = 0; i < count; i++) {
        const keyArea = rnd.pick(KEY_AREAS);
        // Field operations work in their own region, national agencies in their own country.
        const country =
          organisation.type === 'state_authority'
            ? home
            : organisation.type === 'field_operation'
              ? rnd.next() < 0.7
                ? home
                : rnd.pick([home, ...(ROUTE_NEIGHBOURS[home] ?? [])])
              : rnd.pick(Object.keys(PLACES));
        if (!ref.countries.has(country)) continue;
        const place = rnd.pick(PLACES[country] ?? [country]);
        const start = TODAY + Math.floor((rnd.next() * 3 - 2) * 365) * DAY;
        const end = start + Math.floor(60 + rnd.next() * 600) * DAY;
        const status = end < TODAY ? 'completed' : start > TODAY ? 'planned' : 'ongoing';
        const year = new Date(start).getUTCFullYear();
        const title = `${rnd
          .pick(ACTIVITY_TEMPLATES[keyArea] ?? [])
          .replace('{place}', place)
          .replace('{country}', ref.countries.get(country)?.names.en ?? country)} (${year})`;
        const countries = [...new Set([country, ...(rnd.next() < 0.25 ? rnd.some(ROUTE_NEIGHBOURS[country] ?? [], 1) : [])])]
          .filter((c) => ref.countries.has(c))
          .sort();
        const keyAreas = [keyArea];
        const contacts = contactsOf.get(organisation.id) ?? [];
        activityRows.push({
          id: demoId(`activity:${organisation.code}:${i}`),
          code: `DEMO-${String(index).padStart(3, '0')}-${String(i).padStart(2, '0')}`,
          organisation_id: organisation.id,
          title,
          description: `${organisation.acronym ?? organisation.name_en} works with national and local partners on ${ref.keyAreas.get(keyArea)?.names.en.toLowerCase()} in ${place}.`,
          key_areas: keyAreas,
          dimension: DIMENSION_OF_KEY_AREA[keyArea] ?? null,
          countries,
          place,
          start_date: new Date(start).toISOString().slice(0, 10),
          end_date: new Date(end).toISOString().slice(0, 10),
          status,
          target_groups: rnd.some(TARGETS, 1 + Math.floor(rnd.next() * 3)).sort(),
          contact_id: contacts.length > 0 ? rnd.pick(contacts) : null,
          visibility: visibility(rnd.next(), 0.75),
          search_text: searchTextOf(ref, { organisation: organisationLabel(organisation), keyAreas, countries }),
        });
      }
    }
    for (let i = 0; i < contactRows.length; i += 200) {
      await trx
        .insertInto('directory_contact')
        .values(contactRows.slice(i, i + 200))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    for (let i = 0; i < activityRows.length; i += 200) {
      await trx
        .insertInto('directory_activity')
        .values(activityRows.slice(i, i + 200))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
}
