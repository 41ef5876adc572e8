import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { Iso2 } from '../schemas.js';

/** The role a speaker spoke in: a statement is recorded by role, never by the speaker's name. */
export const SPEAKER_ROLES = [
  'head_of_state_or_government',
  'minister',
  'member_of_parliament',
  'local_official',
  'party_official',
  'candidate',
  'public_servant',
  'media_figure',
  'religious_leader',
  'other_public_figure',
] as const;

/** Where the words were said or published. */
export const MEDIA = [
  'speech',
  'parliamentary_debate',
  'television_radio',
  'print',
  'online_news',
  'social_media',
  'campaign_material',
  'other',
] as const;

export const RHETORIC_STATUSES = ['submitted', 'verified', 'rejected'] as const;

const Day = Type.String({ format: 'date', description: 'A date, YYYY-MM-DD.' });
const Link = Type.String({ pattern: '^https?://\\S+$', maxLength: 1000, description: 'Where the words can be read or heard.' });

export const StatementBody = Type.Object(
  {
    statedOn: Day,
    country: Iso2,
    speakerRole: StringEnum(SPEAKER_ROLES),
    medium: StringEnum(MEDIA),
    link: Type.Optional(Type.Union([Link, Type.Null()])),
    words: Type.String({ minLength: 1, maxLength: 5000, description: 'The words in question, as said or published.' }),
    context: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type StatementBody = Static<typeof StatementBody>;

export const StatementQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(RHETORIC_STATUSES)),
    country: Type.Optional(Iso2),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type StatementQuery = Static<typeof StatementQuery>;

export const ReviewBody = Type.Object(
  {
    decision: StringEnum(['verified', 'rejected'] as const),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;

export const StatementSummary = Type.Object({
  id: Uuid,
  status: StringEnum(RHETORIC_STATUSES),
  statedOn: Type.String(),
  country: Type.String(),
  speakerRole: Type.String(),
  medium: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  words: Type.String(),
  context: Type.String(),
  createdAt: Type.String(),
});
export type StatementSummary = Static<typeof StatementSummary>;

export const StatementPage = Type.Object({ items: Type.Array(StatementSummary), total: Type.Integer() });
export type StatementPage = Static<typeof StatementPage>;

/** One statement as its reviewer sees it: with who recorded it (a read that is audited) and what may be done. */
export const StatementView = Type.Object({
  ...StatementSummary.properties,
  submittedBy: Type.Union([Type.Object({ name: Type.String(), email: Type.String() }), Type.Null()]),
  reviewedAt: Type.Union([Type.String(), Type.Null()]),
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  actions: Type.Array(StringEnum(['verify', 'reject'] as const)),
});
export type StatementView = Static<typeof StatementView>;

/** What the person who recorded a statement is told: that it waits for review. */
export const SubmittedView = Type.Object({ id: Uuid, status: StringEnum(RHETORIC_STATUSES) });
export type SubmittedView = Static<typeof SubmittedView>;

const Count = Type.Object({ value: Type.Union([Type.Integer(), Type.Null()]), suppressed: Type.Boolean() });
export type RhetoricCount = Static<typeof Count>;
const Rows = Type.Array(Type.Object({ key: Type.String(), count: Count }));

/** The public aggregate of verified statements: four one-way tables and their total. */
export const RhetoricAggregate = Type.Object({
  kind: Type.Literal('xenophobic_rhetoric_not_hate_crime'),
  total: Count,
  byCountry: Rows,
  byYear: Rows,
  byMedium: Rows,
  bySpeakerRole: Rows,
  rule: Type.String(),
});
export type RhetoricAggregate = Static<typeof RhetoricAggregate>;
