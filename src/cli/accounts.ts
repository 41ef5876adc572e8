import type { Kysely } from 'kysely';
import type { Role } from '../server/access/roles.js';
import { audit, OUTSIDE_REQUEST } from '../server/audit/record.js';
import { deleteUserSessions, selectUserByEmail, updatePassword } from '../server/auth/queries.js';
import type { DB } from '../server/db/schema.js';
import { Problem } from '../server/http/problems.js';
import { insertUser, replaceGrants } from '../server/users/queries.js';

/** Creates an account from the command line, audited as done by the operator (no actor). */
export async function createAccount(
  db: Kysely<DB>,
  input: {
    email: string;
    name: string;
    language: string;
    passwordHash: Promise<string>;
    role: Role;
    country?: string | undefined;
    organisationCode?: string | undefined;
  },
) {
  const passwordHash = await input.passwordHash;
  await db.transaction().execute(async (trx) => {
    let organisationId: string | null = null;
    if (input.organisationCode) {
      const organisation = await trx
        .selectFrom('organisation')
        .select('id')
        .where('code', '=', input.organisationCode)
        .executeTakeFirst();
      if (!organisation)
        throw new Problem('unknown_reference', `There is no organisation with the code ${input.organisationCode}.`);
      organisationId = organisation.id;
    }
    const { id } = await insertUser(trx, {
      email: input.email,
      name: input.name,
      language: input.language,
      passwordHash,
      mustChangePassword: true,
    });
    await replaceGrants(
      trx,
      id,
      [
        {
          role: input.role,
          scopeType: input.country ? 'country' : organisationId ? 'organisation' : 'global',
          organisationId,
          countryIso2: input.country?.toUpperCase() ?? null,
        },
      ],
      null,
    );
    await audit(trx, OUTSIDE_REQUEST, { verb: 'user.create', recordType: 'user', recordId: id, details: { via: 'cli' } });
  });
}

/** Issues a new one-time password from the command line and ends the account's sessions. */
export async function resetAccountPassword(db: Kysely<DB>, email: string, passwordHash: Promise<string>) {
  const hash = await passwordHash;
  await db.transaction().execute(async (trx) => {
    const user = await selectUserByEmail(trx, email);
    if (!user) throw new Problem('not_found', `There is no account with the email ${email}.`);
    await updatePassword(trx, user.id, hash, true);
    await deleteUserSessions(trx, user.id);
    await audit(trx, OUTSIDE_REQUEST, {
      verb: 'user.reset_password',
      recordType: 'user',
      recordId: user.id,
      details: { via: 'cli' },
    });
  });
}
