import { type Static, Type } from '@sinclair/typebox';

/** The formats a feed may be read as; none means the importer recognises the file by its first rows. */
export const FeedFormat = Type.Union(
  ['unhcr_population', 'unhcr_applications', 'sea_arrivals_year', 'sea_arrivals_month', 'hxl', 'mapping'].map((f) =>
    Type.Literal(f),
  ),
);

const Mapping = Type.Object(
  {
    country: Type.String({ minLength: 1, maxLength: 200 }),
    period: Type.String({ minLength: 1, maxLength: 200 }),
    value: Type.String({ minLength: 1, maxLength: 200 }),
    indicator: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false, description: 'The columns to read, by the label in the first row (format `mapping`).' },
);

const Outcome = Type.Union([Type.Literal('imported'), Type.Literal('unchanged'), Type.Literal('failed')]);

export const FeedView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: Type.String({ description: 'The address as entered; it may hold a token, so only those who manage feeds see it.' }),
  format: Type.Union([FeedFormat, Type.Null()]),
  mapping: Type.Union([Mapping, Type.Null()]),
  indicator: Type.Union([Type.String(), Type.Null()]),
  everyHours: Type.Integer(),
  staleAfterRuns: Type.Integer(),
  enabled: Type.Boolean(),
  running: Type.Boolean(),
  nextRunAt: Type.String({ format: 'date-time' }),
  lastRunAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastOutcome: Type.Union([Outcome, Type.Null()]),
  lastError: Type.Union([
    Type.Object({
      detail: Type.String(),
      detailKey: Type.Optional(Type.String({ description: 'The key of the sentence in the catalogue of problem details.' })),
      detailParams: Type.Optional(Type.Record(Type.String(), Type.String())),
    }),
    Type.Null(),
  ]),
  lastChangedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  unchangedRuns: Type.Integer({ description: 'Runs in a row, up to the last, that changed nothing.' }),
  stale: Type.Boolean({
    description: 'Whether its data stopped changing: at least `staleAfterRuns` runs in a row changed nothing.',
  }),
  lastBatch: Type.Union([
    Type.Object({
      id: Type.String(),
      rowCount: Type.Integer(),
      inserted: Type.Integer(),
      updated: Type.Integer(),
      unchanged: Type.Integer(),
      importedAt: Type.String({ format: 'date-time' }),
    }),
    Type.Null(),
  ]),
});
export type FeedView = Static<typeof FeedView>;

export const CreateFeedBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    url: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'An http:// or https:// address answering a CSV or XLSX file.',
    }),
    format: Type.Optional(Type.Union([FeedFormat, Type.Null()])),
    mapping: Type.Optional(Type.Union([Mapping, Type.Null()])),
    indicator: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    everyHours: Type.Integer({ minimum: 1, maximum: 8760 }),
    staleAfterRuns: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateFeedBody = Static<typeof CreateFeedBody>;

export const UpdateFeedBody = Type.Partial(CreateFeedBody, { additionalProperties: false });
export type UpdateFeedBody = Static<typeof UpdateFeedBody>;

export const FeedRunResult = Type.Object({
  outcome: Outcome,
  feed: FeedView,
});
export type FeedRunResult = Static<typeof FeedRunResult>;
