import { sql } from 'kysely';
import type { Persona, TestApp } from '../app.js';

/** A person who is a current member of the network for a State (confirmed directly in the database). */
export async function insertTestMember(
  t: TestApp,
  country = 'FR',
  options: Parameters<TestApp['user']>[0] = {},
): Promise<Persona> {
  const persona = await t.user(options);
  await t.database.db
    .insertInto('network_focal_point')
    .values({
      country_iso2: country,
      user_id: persona.userId,
      agency: 'Border Police',
      function: 'Head of unit',
      languages: ['fr', 'en'],
      status: 'confirmed',
      confirmed_at: new Date(),
      expires_on: sql<string>`(current_date + interval '1 year')::date`,
    })
    .execute();
  return persona;
}

/** A library document with a plain-text file, stored directly; its text is already extracted. */
export async function insertTestDocument(
  t: TestApp,
  values: { title?: string; access?: 'public' | 'network' | 'staff' | 'groups'; text?: string; createdBy?: string | null } = {},
): Promise<string> {
  const db = t.database.db;
  const text = values.text ?? 'Good practice at the border';
  const row = await db
    .insertInto('library_document')
    .values({
      title: values.title ?? 'Test document',
      doc_type: 'good_practice',
      language: 'en',
      access: values.access ?? 'public',
      body_text: text,
      created_by: values.createdBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const content = Buffer.from(text, 'utf8');
  await db
    .insertInto('library_version')
    .values({
      document_id: row.id,
      version: 1,
      file_name: 'test.txt',
      media_type: 'text/plain',
      byte_size: content.length,
      sha256: Buffer.alloc(32),
      content,
      extraction: 'done',
      text,
    })
    .execute();
  return row.id;
}
