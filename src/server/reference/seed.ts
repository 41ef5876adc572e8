import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { serverPath } from '../paths.js';

const DATA_DIR = serverPath('reference/data');
const SEED_LOCK = 727_003;

type Row = Record<string, string>;

export function readReferenceFile(name: string): Row[] {
  return parse(fs.readFileSync(path.join(DATA_DIR, name), 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
}

const empty = (value: string | undefined) => (value === undefined || value === '' ? null : value);

function names(row: Row) {
  return {
    name_en: row.name_en as string,
    name_fr: row.name_fr || (row.name_en as string),
    name_de: row.name_de || (row.name_en as string),
    name_it: row.name_it || (row.name_en as string),
    name_ru: row.name_ru || (row.name_en as string),
    name_es: row.name_es || (row.name_en as string),
  };
}

/** SHA-256 over the shipped files' names and contents: it changes when a release changes them. */
export function referenceDataHash(): string {
  const hash = createHash('sha256');
  for (const name of fs
    .readdirSync(DATA_DIR)
    .filter((file) => file.endsWith('.csv'))
    .sort()) {
    hash
      .update(`${name}\0`)
      .update(fs.readFileSync(path.join(DATA_DIR, name)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** Whether the table that remembers the last load exists: a test may seed a database migrated only part way. */
async function hasLoadRecord(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`select to_regclass('reference_data_load') is not null as present`.execute(db);
  return rows[0]?.present === true;
}

async function loadedHash(db: Kysely<DB>): Promise<string | undefined> {
  if (!(await hasLoadRecord(db))) return undefined;
  const row = await db.selectFrom('reference_data_load').select('content_hash').executeTakeFirst();
  return row?.content_hash;
}

/**
 * Loads the shipped reference data, unless the database has loaded these very files already (the
 * hash of their content is kept in `reference_data_load`), so that a restart costs no reload.
 * Rows already present are left as they are: reference data is editable, and a restart must not
 * undo an edit. Safe to run at every start and by two instances. `force` loads them whatever the
 * hash says (the operator's `seed` command), adding rows that were deleted.
 */
export async function seedReferenceData(db: Kysely<DB>, options: { force?: boolean } = {}): Promise<'loaded' | 'unchanged'> {
  const contentHash = referenceDataHash();
  if (!options.force && (await loadedHash(db)) === contentHash) return 'unchanged';
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    // Another instance may have loaded them while this one waited for the lock.
    if (!options.force && (await loadedHash(trx)) === contentHash) return 'unchanged' as const;

    const countries = readReferenceFile('countries.csv').map((row) => ({
      iso2: row.iso2 as string,
      iso3: row.iso3 as string,
      ...names(row),
      osce_status: row.osce_status as 'participating' | 'partner' | 'other',
      partner_group: empty(row.partner_group) as 'asian' | 'mediterranean' | null,
      subregion: empty(row.subregion),
      field_operation: row.field_operation === 'true',
      capital: empty(row.capital),
      capital_latitude: empty(row.capital_latitude),
      capital_longitude: empty(row.capital_longitude),
    }));
    await trx
      .insertInto('country')
      .values(countries)
      .onConflict((oc) => oc.column('iso2').doNothing())
      .execute();

    const dimensions = readReferenceFile('dimensions.csv').map((row) => ({ code: row.code as string, ...names(row) }));
    await trx
      .insertInto('dimension')
      .values(dimensions)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();

    const keyAreas = readReferenceFile('key_areas.csv').map((row) => ({ code: row.code as string, ...names(row) }));
    await trx
      .insertInto('key_area')
      .values(keyAreas)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();

    const competences = readReferenceFile('competences.csv').map((row) => ({
      code: row.code as string,
      dimension_code: row.dimension as string,
      ...names(row),
    }));
    await trx
      .insertInto('competence')
      .values(competences)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();

    const languages = readReferenceFile('languages.csv').map((row) => ({ code: row.code as string, ...names(row) }));
    await trx
      .insertInto('language')
      .values(languages)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();

    // Parents before children, so that each row can name its parent by code.
    const structures = readReferenceFile('structures.csv');
    const placed = new Set<string>();
    let pending = structures;
    while (pending.length > 0) {
      const ready = pending.filter((row) => !row.parent_code || placed.has(row.parent_code));
      if (ready.length === 0) throw new Error('structures.csv names a parent_code that does not exist.');
      for (const row of ready) {
        await trx
          .insertInto('organisation')
          .values({
            code: row.code as string,
            type: row.type as string,
            acronym: empty(row.acronym),
            ...names(row),
            parent_id: row.parent_code ? sql<string>`(select id from organisation where code = ${row.parent_code})` : null,
            country_iso2: empty(row.country_iso2),
            city: empty(row.city),
            website: empty(row.website),
          })
          .onConflict((oc) => oc.column('code').doNothing())
          .execute();
        placed.add(row.code as string);
      }
      pending = pending.filter((row) => !placed.has(row.code as string));
    }

    if (!(await hasLoadRecord(trx))) return 'loaded' as const;
    await trx
      .insertInto('reference_data_load')
      .values({ content_hash: contentHash })
      .onConflict((oc) =>
        oc.column('singleton').doUpdateSet({
          content_hash: contentHash,
          loads: sql`reference_data_load.loads + 1`,
          loaded_at: sql`now()`,
        }),
      )
      .execute();
    return 'loaded' as const;
  });
}
