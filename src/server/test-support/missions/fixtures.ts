import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import * as c from '../../missions/calendar/queries.js';
import * as q from '../../missions/lifecycle/queries.js';
import type { MissionStatus } from '../../missions/tables.js';

let counter = 0;

export interface MissionFixture {
  code?: string;
  status?: MissionStatus;
  hostCountries?: string[];
  startsOn?: string;
  endsOn?: string;
  competences?: Array<{ code: string; minLevel: number; count: number }>;
  languages?: Array<{ code: string; minLevel: string; skill?: 'speaking' | 'writing' }>;
  teamMin?: number;
  teamMax?: number;
  consent?: 'not_requested' | 'requested' | 'given' | 'refused';
}

/** A mission written straight to the database for tests. */
export async function insertTestMission(db: Kysely<DB>, f: MissionFixture = {}): Promise<string> {
  counter++;
  const { id } = await q.insertMission(db, {
    code: f.code ?? `TEST-${counter}-${randomBytes(3).toString('hex').toUpperCase()}`,
    title: 'Fact-finding on the Western Balkans route',
    status: f.status ?? 'draft',
    starts_on: f.startsOn ?? '2027-05-04',
    ends_on: f.endsOn ?? '2027-05-18',
    team_min: f.teamMin ?? 1,
    team_max: f.teamMax ?? 3,
    all_dimensions: false,
    min_organisations: 1,
    consent_status: f.consent ?? 'not_requested',
    consent_date: f.consent && f.consent !== 'not_requested' ? '2027-04-01' : null,
    mandate_reference: null,
    mandate_date: null,
    consent_document: null,
    created_by: null,
  });
  await q.replaceMissionLists(db, id, {
    hostCountries: f.hostCountries ?? ['GR'],
    competences: f.competences ?? [],
    languages: f.languages ?? [],
  });
  return id;
}

/** A live calendar feed token of the user; returns the token itself. */
export async function insertTestFeedToken(db: Kysely<DB>, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await c.insertFeedToken(db, { user_id: userId, token_hash: createHash('sha256').update(token).digest(), label: 'test' });
  return token;
}
