import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { Language } from '../../reference/schemas.js';
import { Iso2 } from '../schemas.js';

/** Whom a campaign speaks to. */
export const AUDIENCES = [
  'general_public',
  'young_people',
  'schools',
  'media',
  'local_authorities',
  'police',
  'community_leaders',
  'employers',
  'migrants_and_refugees',
  'civil_society',
] as const;

const Day = Type.String({ format: 'date', description: 'A date, YYYY-MM-DD.' });

export const CampaignBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    organiserId: Uuid,
    countries: Type.Array(Iso2, { minItems: 1, maxItems: 60, uniqueItems: true }),
    audiences: Type.Array(StringEnum(AUDIENCES), { maxItems: AUDIENCES.length, uniqueItems: true }),
    startsOn: Day,
    endsOn: Type.Optional(Type.Union([Day, Type.Null()])),
    reachCount: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 2_000_000_000 }), Type.Null()])),
    reachDescription: Type.Optional(Type.String({ maxLength: 2000 })),
    materialIds: Type.Array(Uuid, {
      maxItems: 30,
      uniqueItems: true,
      description: 'Public documents of the network library, in the order shown.',
    }),
  },
  { additionalProperties: false },
);
export type CampaignBody = Static<typeof CampaignBody>;

export const CampaignQuery = Type.Object(
  {
    country: Type.Optional(Iso2),
    audience: Type.Optional(StringEnum(AUDIENCES)),
    organiserId: Type.Optional(Uuid),
    year: Type.Optional(
      Type.Integer({ minimum: 1990, maximum: 2100, description: 'Campaigns running at some time in that year.' }),
    ),
    lang: Type.Optional(Language),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type CampaignQuery = Static<typeof CampaignQuery>;

export const CampaignLangQuery = Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false });
export type CampaignLangQuery = Static<typeof CampaignLangQuery>;

export const CampaignView = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  organiser: Type.Object({ id: Uuid, name: Type.String() }),
  countries: Type.Array(Type.String()),
  audiences: Type.Array(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.Union([Type.String(), Type.Null()]),
  reach: Type.Object({ count: Type.Union([Type.Integer(), Type.Null()]), description: Type.String() }),
  materials: Type.Array(Type.Object({ id: Uuid, title: Type.String() })),
  actions: Type.Array(StringEnum(['edit'] as const), { description: 'What the caller may do with this campaign.' }),
});
export type CampaignView = Static<typeof CampaignView>;

export const CampaignPage = Type.Object({
  items: Type.Array(CampaignView),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type CampaignPage = Static<typeof CampaignPage>;
