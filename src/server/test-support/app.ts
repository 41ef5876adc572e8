import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role, ScopeType } from '../access/roles.js';
import { build } from '../app.js';
import { hashPassword } from '../auth/passwords.js';
import { type Config, loadConfig } from '../config.js';
import type { Backend } from '../db/connection.js';
import { seedPartnerOrganisations } from '../directory/partners.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../http/session.js';
import { freshDatabase, type TestDatabase } from './database.js';

/** A signed-in person for tests: their account, session cookie and CSRF token. */
export interface Persona {
  userId: string;
  email: string;
  password: string;
  cookie: string;
  csrfToken: string;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  /** Named personas, one per role, created on first use. */
  as(role: Role): Promise<Persona>;
  /** Creates a user with the given grants and a session for them. */
  user(options: {
    role?: Role;
    scopeType?: ScopeType;
    organisationId?: string;
    countryIso2?: string;
    email?: string;
    mustChangePassword?: boolean;
  }): Promise<Persona>;
  /** A new session for an existing user. */
  session(userId: string): Promise<{ cookie: string; csrfToken: string }>;
  request(persona: Persona | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

const PERSONA_EMAILS: Record<Role, string> = {
  coordinator: 'cora.coordinator@example.org',
  focal_point: 'fatima.focal@example.org',
  expert: 'erik.expert@example.org',
  analyst: 'ana.analyst@example.org',
  incident_reviewer: 'ivan.reviewer@example.org',
  delegation: 'diego.delegation@example.org',
  chair: 'chiara.chair@example.org',
  secretariat: 'sergei.secretariat@example.org',
};

/** The password every persona starts with; hashing once keeps the tests quick. */
export const PERSONA_PASSWORD = 'Persona-Password-2026!';
let personaHash: Promise<string> | undefined;

export async function testApp(
  backend: Backend,
  overrides: Partial<Config> = {},
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<TestApp> {
  const database = await freshDatabase(backend);
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: 'memory://', WEB_DIR: 'no-web-client' }),
    ...overrides,
  };
  const app = await build(config, database, options);
  const db = database.db;
  // What the server adds once it is ready (directory/routes.ts), added now: tests read the partner
  // organisations before their first request, and some register routes of their own after this.
  await seedPartnerOrganisations(db);
  personaHash ??= hashPassword(PERSONA_PASSWORD);

  async function session(userId: string) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    await db
      .insertInto('user_session')
      .values({
        token_hash: createHash('sha256').update(token).digest(),
        user_id: userId,
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + 3600_000),
      })
      .execute();
    return { cookie: `${SESSION_COOKIE}=${token}`, csrfToken };
  }

  let counter = 0;
  async function user(options: Parameters<TestApp['user']>[0]): Promise<Persona> {
    counter++;
    const email = options.email ?? `person${counter}.${randomBytes(3).toString('hex')}@example.org`;
    const { id } = await db
      .insertInto('app_user')
      .values({
        email,
        name: `Test Person ${counter}`,
        password_hash: await personaHash,
        must_change_password: options.mustChangePassword ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (options.role) {
      let organisationId = options.organisationId ?? null;
      let countryIso2 = options.countryIso2 ?? null;
      const scopeType =
        options.scopeType ??
        (options.role === 'focal_point' ? 'organisation' : options.role === 'delegation' ? 'country' : 'global');
      if (scopeType === 'organisation' && !organisationId) {
        organisationId = (await db.selectFrom('organisation').select('id').where('code', '=', 'ODIHR').executeTakeFirstOrThrow())
          .id;
      }
      if (scopeType === 'country' && !countryIso2) countryIso2 = 'AT';
      await db
        .insertInto('role_grant')
        .values({
          user_id: id,
          role: options.role,
          scope_type: scopeType,
          organisation_id: organisationId,
          country_iso2: countryIso2,
        })
        .execute();
    }
    return { userId: id, email, password: PERSONA_PASSWORD, ...(await session(id)) };
  }

  const personas = new Map<Role, Promise<Persona>>();
  function as(role: Role) {
    let persona = personas.get(role);
    if (!persona) {
      persona = user({ role, email: PERSONA_EMAILS[role] });
      personas.set(role, persona);
    }
    return persona;
  }

  function request(persona: Persona | null, options: InjectOptions) {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (persona) {
      headers.cookie = persona.cookie;
      headers[CSRF_HEADER] = persona.csrfToken;
    }
    return app.inject({ ...options, headers });
  }

  return {
    app,
    database,
    config,
    as,
    user,
    session,
    request,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
