import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../../db/migrate.js';
import { freshDatabase, type TestDatabase, testBackends } from '../../../test-support/database.js';

const PEOPLE_MIGRATION = '20261208100000_conference_session_people';

describe.each(testBackends())('the speakers of the agenda on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend, { migrate: false });
  });
  afterAll(() => database?.close());

  it('become guests in their order when the sessions gain their people', async () => {
    const migrations = readMigrations();
    await migrate(
      database.db,
      migrations.filter((m) => m.name < PEOPLE_MIGRATION),
    );
    const { rows } = await sql<{ id: string }>`
      with o as (
        insert into organisation (type, name_en) values ('ngo', 'Test Organisation') returning id
      ), e as (
        insert into conference_event (kind, title, organiser_id, starts_at, ends_at, time_zone, venue, capacity)
        select 'meeting', 'Meeting', o.id, '2099-03-01T08:00Z', '2099-03-01T16:00Z', 'Europe/Vienna', 'Vienna', 20 from o
        returning id
      )
      insert into conference_session (event_id, title, starts_at, ends_at, speakers)
      select e.id, s.title, '2099-03-01T09:00Z', '2099-03-01T10:00Z', s.speakers
      from e, (values ('Opening', array['Secretary General', '  ', 'UNHCR']), ('Closing', array[]::text[])) as s(title, speakers)
      returning id
    `.execute(database.db);
    expect(rows).toHaveLength(2);
    await migrate(database.db, migrations);
    const people = await database.db
      .selectFrom('conference_session_person as p')
      .innerJoin('conference_session as s', 's.id', 'p.session_id')
      .select(['s.title', 'p.role', 'p.position', 'p.guest_name', 'p.contact_id', 'p.expert_id', 'p.announced'])
      .orderBy('s.title')
      .orderBy('p.position')
      .execute();
    // The blank one is dropped; the others keep the order they were written in, numbered again.
    expect(people).toEqual([
      {
        title: 'Opening',
        role: 'speaker',
        position: 1,
        guest_name: 'Secretary General',
        contact_id: null,
        expert_id: null,
        announced: false,
      },
      {
        title: 'Opening',
        role: 'speaker',
        position: 2,
        guest_name: 'UNHCR',
        contact_id: null,
        expert_id: null,
        announced: false,
      },
    ]);
  });
});
