import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../db/migrate.js';
import { seedReferenceData } from '../reference/seed.js';
import { freshDatabase, type TestDatabase, testBackends } from '../test-support/database.js';

// The search documents are computed by PL/pgSQL functions since 20261209090000, for speed; they
// must give the very documents the SQL functions gave, or the documents stored before and the
// indexes built before would no longer match what a search computes.
const TEXTS = [
  'Lutte contre la traite des êtres humains à Preševo',
  'Schulung zur Bekämpfung des Menschenhandels, Straße',
  'Противодействие торговле людьми на границе',
  'Formazione sui rifugiati e l’integrazione',
  'Protección de personas refugiadas y solicitantes de asilo',
  'OSCE Mission to Serbia FO-SERBIA Protection of people along migration routes North Macedonia',
  'Œuvre Ærø Łódź ıħ þorn ĳs',
  '',
];
const FASTER = '20261209090000_directory_documents_plpgsql';

describe.each(testBackends())('search documents on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend, { migrate: false });
    // Every migration before the PL/pgSQL functions, a record written then, then the rest.
    const all = readMigrations();
    const at = all.findIndex((m) => m.name === FASTER);
    expect(at).toBeGreaterThan(0);
    await migrate(database.db, all.slice(0, at));
    await seedReferenceData(database.db);
    const { id } = await database.db
      .insertInto('organisation')
      .values({ type: 'ngo', name_en: 'Documents test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [n, title] of TEXTS.entries()) {
      if (!title) continue;
      await database.db
        .insertInto('directory_activity')
        .values({
          organisation_id: id,
          title,
          place: TEXTS[(n + 3) % TEXTS.length] ?? null,
          countries: ['RS'],
          status: 'planned',
        })
        .execute();
    }
    await migrate(database.db, all);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('computes the same documents as written out in full, in the seven configurations', async () => {
    for (const text of TEXTS) {
      const { rows } = await sql<{ same_tsvector: boolean; same_name: boolean; same_document: boolean; lexemes: number }>`
        with t as (select ${text}::text as v),
        f as (select v, directory_fold(v) as folded from t),
        spelled as (select v, folded,
          to_tsvector('simple', folded) || to_tsvector('english', folded) || to_tsvector('french', folded)
            || to_tsvector('german', folded) || to_tsvector('italian', folded) || to_tsvector('russian', folded)
            || to_tsvector('spanish', folded) as all_of_them
          from f)
        select directory_tsvector(folded) = all_of_them as same_tsvector,
          directory_name_document(v) = all_of_them as same_name,
          directory_document(v, v) = setweight(all_of_them, 'A') || strip(all_of_them) as same_document,
          length(all_of_them) as lexemes
        from spelled`.execute(database.db);
      expect({ text, ...rows[0] }).toMatchObject({ text, same_tsvector: true, same_name: true, same_document: true });
      if (text) expect(Number(rows[0]?.lexemes)).toBeGreaterThan(0);
    }
  });

  it('keeps the documents stored before, and the index of names finds them after it is built again', async () => {
    const { rows: stale } = await sql<{ n: number }>`
      select count(*)::int as n from directory_activity
      where search_doc <> directory_document(title, coalesce(description, '') || ' ' || coalesce(place, '') || ' ' || search_text)`.execute(
      database.db,
    );
    expect(stale[0]?.n).toBe(0);
    // Rebuilding runs the name's function with a search path of pg_catalog only on PostgreSQL 17 (PGlite).
    await sql`reindex index directory_activity_name_search_idx`.execute(database.db);
    await sql`reindex index directory_contact_name_search_idx`.execute(database.db);
    const { rows } = await sql<{ title: string }>`
      select title from directory_activity
      where directory_name_part(search_doc) @@ directory_query(array['menschenhandel'])`.execute(database.db);
    expect(rows.map((r) => r.title)).toEqual(['Schulung zur Bekämpfung des Menschenhandels, Straße']);
  });

  it('computes an activity’s document again when a statement changes its words without giving it', async () => {
    const db = database.db;
    const same = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from directory_activity
          where search_doc is distinct from directory_activity_document(title, description, place, search_text)`.execute(db)
      ).rows[0]?.n;
    await sql`update directory_activity set title = title || ' Grenzschutz' where title like 'Schulung%'`.execute(db);
    await sql`update directory_activity set description = 'Asylsuchende', search_text = 'Albania' where title like 'Schulung%'`.execute(
      db,
    );
    await sql`update directory_activity set place = null where title like 'Lutte%'`.execute(db);
    expect(await same()).toBe(0);
    const { rows } = await sql<{ title: string }>`select title from directory_activity
      where search_doc @@ directory_query(array['grenzschutz', 'asylsuchende', 'albania'])`.execute(db);
    expect(rows.map((r) => r.title)).toEqual(['Schulung zur Bekämpfung des Menschenhandels, Straße Grenzschutz']);
  });

  // Since 20261210090000 the index of names reads the name's words from the search document (its
  // words of weight A) instead of computing the name's document again: they must be the same
  // lexemes at the same positions, for activities and contacts, whatever the name.
  it('reads from the search document the very document of the name', async () => {
    const db = database.db;
    const { id: organisation } = await db
      .insertInto('organisation')
      .values({ type: 'ngo', name_en: 'Names test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const word = fc.oneof(
      fc.constantFrom(...TEXTS.flatMap((t) => t.split(' '))),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
      fc.constantFrom('a-b', 'e-mail@example.org', '3W', 'FO-SERBIA', '1.5', 'http://example.org/x', 'l’asile', 'the'),
    );
    const name = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ').replaceAll('\u0000', ''));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(name, fc.option(name, { nil: null }), name, async (title, description, place) => {
        n += 1;
        const trimmed = `${n} ${title}`.trim().slice(0, 200);
        await db
          .insertInto('directory_activity')
          .values({ organisation_id: organisation, title: trimmed, description, place: place.slice(0, 200), status: 'planned' })
          .execute();
        await db
          .insertInto('directory_contact')
          .values({ organisation_id: organisation, name: trimmed, title: description?.slice(0, 200) ?? null })
          .execute();
        const { rows } = await sql<{ activity: boolean; contact: boolean }>`
          select (select directory_name_part(search_doc) = directory_name_document(title)
                  from directory_activity where organisation_id = ${organisation} and title = ${trimmed}) as activity,
                 (select directory_name_part(search_doc) = directory_name_document(name || ' ' || coalesce(title, ''))
                  from directory_contact where organisation_id = ${organisation} and name = ${trimmed}) as contact`.execute(db);
        expect({ title: trimmed, ...rows[0] }).toEqual({ title: trimmed, activity: true, contact: true });
      }),
      { numRuns: 60, seed: 20261210 },
    );
  });
});
