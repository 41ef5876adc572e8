import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { Day, Iso2 } from '../../roster/schemas.js';

export const FOCAL_POINT_STATUSES = ['nominated', 'confirmed', 'withdrawn'] as const;
const LanguageCode = Type.String({ pattern: '^[a-z]{2,3}$' });

export const FocalPoint = Type.Object({
  id: Uuid,
  countryIso2: Iso2,
  userId: Uuid,
  name: Type.String(),
  email: Type.String(),
  agency: Type.String(),
  function: Type.String(),
  expertise: Type.String(),
  languages: Type.Array(Type.String()),
  status: StringEnum(FOCAL_POINT_STATUSES),
  /** Whether the membership is current: confirmed and not past its expiry. */
  member: Type.Boolean(),
  nominatedAt: Type.String(),
  confirmedAt: Type.Union([Type.String(), Type.Null()]),
  expiresOn: Type.Union([Day, Type.Null()]),
  /** What the caller may do with it. */
  actions: Type.Array(StringEnum(['confirm', 'renew', 'withdraw'] as const)),
});
export type FocalPoint = Static<typeof FocalPoint>;

export const FocalPointList = Type.Object({ items: Type.Array(FocalPoint), total: Type.Integer() });
export type FocalPointList = Static<typeof FocalPointList>;

export const NominateBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254, description: 'The address of the person’s Crossroads account.' }),
    agency: Type.String({ minLength: 1, maxLength: 300 }),
    function: Type.Optional(Type.String({ maxLength: 300 })),
    expertise: Type.Optional(Type.String({ maxLength: 2000 })),
    languages: Type.Optional(Type.Array(LanguageCode, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type NominateBody = Static<typeof NominateBody>;

export const DirectoryQuery = Type.Object(
  {
    country: Type.Optional(Iso2),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type DirectoryQuery = Static<typeof DirectoryQuery>;

export const CountryParams = Type.Object({ iso2: Iso2 }, { additionalProperties: false });

export const Membership = Type.Object({
  member: Type.Boolean(),
  /** Runs the network (the co-ordinator). */
  manages: Type.Boolean(),
  /** The States whose focal points the caller nominates (a delegation's own). */
  nominates: Type.Array(Iso2),
  countries: Type.Array(Iso2),
});
export type Membership = Static<typeof Membership>;
