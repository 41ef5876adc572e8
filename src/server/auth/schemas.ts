import { type Static, Type } from '@sinclair/typebox';
import { ROLES, SCOPE_TYPES } from '../access/roles.js';
import { Email, StringEnum, Uuid } from '../http/schemas.js';
import { Language } from '../reference/schemas.js';

export const SignInBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'Required, except for the change forced at first sign-in or after a reset: the session was just opened with that password.',
      }),
    ),
    newPassword: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const UpdateAccountBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    language: Type.Optional(Language),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAccountBody = Static<typeof UpdateAccountBody>;

export const GrantView = Type.Object({
  role: StringEnum(ROLES),
  scopeType: StringEnum(SCOPE_TYPES),
  organisationId: Type.Union([Uuid, Type.Null()]),
  countryIso2: Type.Union([Type.String(), Type.Null()]),
});

export const SessionView = Type.Object({
  user: Type.Object({ id: Uuid, email: Email, name: Type.String(), language: Language }),
  mustChangePassword: Type.Boolean(),
  /**
   * The second step this session must still take: `verify` (type a code from one's authenticator
   * or a recovery code), `enrol` (one's roles require a second factor: set it up), or null.
   */
  secondFactorStep: Type.Union([Type.Literal('verify'), Type.Literal('enrol'), Type.Null()]),
  /** Sent back in the X-CSRF-Token header of every write. */
  csrfToken: Type.String(),
  /** The verbs the user holds somewhere: the browser shows actions from this, never from its own rules. */
  permissions: Type.Array(Type.String()),
  grants: Type.Array(GrantView),
});
export type SessionView = Static<typeof SessionView>;
