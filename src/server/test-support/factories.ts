import type { Role, ScopeType } from '../access/roles.js';
import * as contacts from '../directory/contacts/queries.js';
import * as organisations from '../directory/organisations/queries.js';
import * as keys from '../solidarity/keys/queries.js';
import type { KeyDefinition } from '../solidarity/keys/schemas.js';
import type { Persona, TestApp } from './app.js';
import { organisationId } from './directory/fixtures.js';
import { insertTestReport as insertIncidentReport } from './incidents/fixtures.js';
import { insertTestMission, type MissionFixture } from './missions/fixtures.js';
import { insertTestReport as insertMissionReport, type ReportFixture } from './reports/fixtures.js';
import { type ExpertFixture, insertTestExpert } from './roster/fixtures.js';
import { SMALL_KEY } from './solidarity/access-table.js';

/**
 * Test-data factories: each writes one of the platform's main records straight to the database
 * with sensible defaults, any of which a test overrides. They build on the domains' own fixtures
 * and return the new record's id (a person comes back signed in, ready for `t.request`). For the
 * named personas, one per role, use `t.as(role)`.
 */

let counter = 0;
const next = () => ++counter;

export interface Grant {
  role: Role;
  scopeType?: ScopeType;
  organisationId?: string;
  countryIso2?: string;
}

/** A signed-in person holding the given grants (none: an account with no role). */
export async function createUser(
  t: TestApp,
  options: { grants?: Grant[]; email?: string; mustChangePassword?: boolean } = {},
): Promise<Persona> {
  const [first, ...rest] = options.grants ?? [];
  const persona = await t.user({
    ...first,
    ...(options.email ? { email: options.email } : {}),
    ...(options.mustChangePassword ? { mustChangePassword: true } : {}),
  });
  for (const grant of rest) {
    const scopeType = grant.scopeType ?? 'global';
    await t.database.db
      .insertInto('role_grant')
      .values({
        user_id: persona.userId,
        role: grant.role,
        scope_type: scopeType,
        organisation_id: scopeType === 'organisation' ? (grant.organisationId ?? (await organisationId(t, 'ODIHR'))) : null,
        country_iso2: scopeType === 'country' ? (grant.countryIso2 ?? 'AT') : null,
      })
      .execute();
  }
  return persona;
}

export interface OrganisationFactory {
  name?: string;
  type?: string;
  acronym?: string | null;
  countryIso2?: string | null;
  parentId?: string | null;
}

/** An organisation of the directory (an NGO in Austria unless told otherwise). */
export async function createOrganisation(t: TestApp, f: OrganisationFactory = {}): Promise<string> {
  const n = next();
  const { id } = await organisations.insertOrganisation(t.database.db, {
    type: f.type ?? 'ngo',
    name_en: f.name ?? `Test Organisation ${n}`,
    acronym: f.acronym === undefined ? `TO${n}` : f.acronym,
    country_iso2: f.countryIso2 === undefined ? 'AT' : f.countryIso2,
    parent_id: f.parentId ?? null,
  });
  return id;
}

export interface ContactFactory {
  organisationId?: string;
  name?: string;
  title?: string | null;
  emails?: string[];
  countries?: string[];
  visibility?: 'public' | 'signed_in' | 'osce_staff' | 'coordinator';
}

/** A contact of the directory, at ODIHR and visible to anyone signed in unless told otherwise. */
export async function createContact(t: TestApp, f: ContactFactory = {}): Promise<string> {
  const n = next();
  const { id } = await contacts.insertContact(t.database.db, {
    organisation_id: f.organisationId ?? (await organisationId(t, 'ODIHR')),
    name: f.name ?? `Test Contact ${n}`,
    title: f.title ?? null,
    emails: f.emails ?? [`contact${n}@example.org`],
    countries: f.countries ?? ['AT'],
    visibility: f.visibility ?? 'signed_in',
  });
  return id;
}

/** An expert on the roster (see the roster's fixture for the defaults). */
export function createExpert(t: TestApp, f: ExpertFixture = {}): Promise<string> {
  return insertTestExpert(t.database.db, f);
}

/** A mission, a draft to Greece unless told otherwise. */
export function createMission(t: TestApp, f: MissionFixture = {}): Promise<string> {
  return insertTestMission(t.database.db, f);
}

/** A mission report with its closed mission, a filled-in draft unless told otherwise. */
export function createReport(t: TestApp, f: ReportFixture = {}): Promise<{ id: string; missionId: string }> {
  return insertMissionReport(t.database.db, f);
}

/** An incident report under review, written without encryption. */
export function createIncidentReport(t: TestApp, f: Parameters<typeof insertIncidentReport>[1] = {}): Promise<string> {
  return insertIncidentReport(t.database.db, f);
}

/** A saved distribution key of solidarity at its first version (two States, two criteria by default). */
export async function createSolidarityKey(
  t: TestApp,
  f: { name?: string; description?: string; definition?: KeyDefinition; createdBy?: string | null } = {},
): Promise<string> {
  const db = t.database.db;
  const { id } = await keys.insertKey(db, {
    name: f.name ?? `Test Key ${next()}`,
    description: f.description ?? '',
    basedOn: null,
    actorId: f.createdBy ?? null,
  });
  await keys.insertKeyVersion(db, {
    keyId: id,
    version: 1,
    definition: f.definition ?? SMALL_KEY,
    note: '',
    actorId: f.createdBy ?? null,
  });
  return id;
}
