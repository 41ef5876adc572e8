import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { ContactView } from '../contacts/schemas.js';
import { ACTIVITY_STATUSES, Code, Iso2, IsoDate, LangQuery, Nullable } from '../schemas.js';

export const WhomToCallQuery = Type.Object(
  {
    country: Iso2,
    topic: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'What the question is about, in words.' })),
    keyArea: Type.Optional(Code),
    competence: Type.Optional(Code),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$', description: 'A language the contact should speak.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
    ...LangQuery,
  },
  { additionalProperties: false },
);
export type WhomToCallQuery = Static<typeof WhomToCallQuery>;

export const REASONS = [
  'covers_country',
  'based_in_country',
  'works_on_key_area',
  'has_competence',
  'mentions_topic',
  'activity_ongoing',
  'activity_planned',
  'activity_completed',
  'organisation_active',
  'speaks_language',
  'recently_confirmed',
  'not_recently_confirmed',
] as const;
export type ReasonCode = (typeof REASONS)[number];

export const Reason = Type.Object({
  code: StringEnum(REASONS),
  points: Type.Integer({ description: 'What this fact adds to the score.' }),
  text: Type.String({ description: 'The fact in words (English); the page translates by code.' }),
  values: Type.Array(Type.String(), { description: 'What the fact is about: key areas, competences, activity titles…' }),
});
export type Reason = Static<typeof Reason>;

export const JustifyingActivity = Type.Object({
  id: Uuid,
  title: Type.String(),
  status: StringEnum(ACTIVITY_STATUSES),
  countries: Type.Array(Iso2),
  startDate: Nullable(IsoDate),
  endDate: Nullable(IsoDate),
});

export const Recommendation = Type.Object({
  rank: Type.Integer({ minimum: 1 }),
  match: StringEnum(['full', 'topic_only', 'country_only'] as const, {
    description: 'Full: works on the topic and covers the country. The others are only partly relevant.',
  }),
  score: Type.Integer(),
  contact: ContactView,
  reasons: Type.Array(Reason),
  activities: Type.Array(JustifyingActivity, { description: 'Activities on the topic in the country that justify it.' }),
});
export type Recommendation = Static<typeof Recommendation>;

export const WhomToCallResult = Type.Object({
  country: Iso2,
  topic: Nullable(Type.String()),
  keyAreas: Type.Array(Type.String(), { description: 'The key areas the topic was understood as.' }),
  competences: Type.Array(Type.String(), { description: 'The competences the topic was understood as.' }),
  language: Nullable(Type.String()),
  results: Type.Array(Recommendation),
  fallback: Nullable(
    Type.Object({
      message: Type.String(),
      contact: Nullable(ContactView),
    }),
    { description: 'When nobody both works on the topic and covers the country: the co-ordinator.' },
  ),
});
export type WhomToCallResult = Static<typeof WhomToCallResult>;
