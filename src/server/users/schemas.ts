import { type Static, Type } from '@sinclair/typebox';
import { ROLES, SCOPE_TYPES } from '../access/roles.js';
import { GrantView } from '../auth/schemas.js';
import { Email, Page, Pagination, StringEnum, Uuid } from '../http/schemas.js';
import { Language } from '../reference/schemas.js';

export const GrantInput = Type.Object(
  {
    role: StringEnum(ROLES),
    scopeType: StringEnum(SCOPE_TYPES),
    organisationId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    countryIso2: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Z]{2}$' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type GrantInput = Static<typeof GrantInput>;

export const UserView = Type.Object({
  id: Uuid,
  email: Email,
  name: Type.String(),
  language: Language,
  mustChangePassword: Type.Boolean(),
  disabled: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  grants: Type.Array(GrantView),
  /** The roster expert this account belongs to, if any (linked from the expert's page). */
  expert: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
  /** Whether the person signs in with a second factor. */
  secondFactor: Type.Boolean(),
  /** What the caller may do with this user. */
  actions: Type.Array(StringEnum(['edit', 'grant', 'reset_password', 'reset_second_factor'] as const)),
  /** The roles the caller may newly grant this user (never a sensitive role to themselves). */
  grantableRoles: Type.Array(StringEnum(ROLES)),
});
export type UserView = Static<typeof UserView>;

export const UserPage = Page(UserView);

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of a name or email address.' })),
    role: Type.Optional(StringEnum(ROLES)),
    ...Pagination,
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

/** Why a sensitive role is granted; required then, and recorded in the audit log. */
const GrantReason = Type.String({ minLength: 1, maxLength: 500 });

export const CreateUserBody = Type.Object(
  {
    email: Email,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    language: Type.Optional(Language),
    grants: Type.Optional(Type.Array(GrantInput, { maxItems: 50 })),
    reason: Type.Optional(GrantReason),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    language: Type.Optional(Language),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const GrantsBody = Type.Object(
  { grants: Type.Array(GrantInput, { maxItems: 50 }), reason: Type.Optional(GrantReason) },
  { additionalProperties: false },
);
export type GrantsBody = Static<typeof GrantsBody>;

export const UserWithPassword = Type.Object({
  user: UserView,
  /** Shown once; the user must change it at first sign-in. */
  oneTimePassword: Type.String(),
});
