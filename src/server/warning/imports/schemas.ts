import { type Static, Type } from '@sinclair/typebox';

const Format = Type.Union(
  ['unhcr_population', 'unhcr_applications', 'sea_arrivals_year', 'sea_arrivals_month', 'hxl', 'mapping'].map((f) =>
    Type.Literal(f),
  ),
);

export const ImportQuery = Type.Object(
  {
    format: Type.Optional(Format),
    dryRun: Type.Optional(Type.Boolean({ default: false })),
    indicator: Type.Optional(Type.String({ description: 'The indicator of every value, when no column says it.' })),
    mapping: Type.Optional(
      Type.String({ description: 'JSON {"country":label,"period":label,"value":label,"indicator"?:label} naming the columns.' }),
    ),
    fileName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

const RowIssue = Type.Object({ row: Type.Integer(), reason: Type.String() });
export const ImportReport = Type.Object({
  applied: Type.Boolean({ description: 'False after a dry run, or when any row was rejected: then nothing was changed.' }),
  dryRun: Type.Boolean(),
  format: Type.String(),
  source: Type.String(),
  method: Type.String({
    description: 'What the import does to the source: rows and columns summed, kept apart, dropped or skipped.',
  }),
  rowCount: Type.Integer(),
  values: Type.Integer({ description: 'Values the file proposes (after summing UNHCR tables to country of asylum and year).' }),
  inserted: Type.Integer(),
  updated: Type.Integer({ description: 'Values corrected; the earlier value is kept in the history.' }),
  unchanged: Type.Integer(),
  alertsFired: Type.Integer(),
  rejectedCount: Type.Integer(),
  rejected: Type.Array(RowIssue, { description: 'The first 1,000 rejected rows.' }),
  skippedCount: Type.Integer(),
  skipped: Type.Array(RowIssue, { description: 'The first 100 rows without a value or a known country of asylum.' }),
  batchId: Type.Union([Type.String(), Type.Null()]),
});
export type ImportReport = Static<typeof ImportReport>;

export const BatchView = Type.Object({
  id: Type.String(),
  source: Type.String(),
  format: Type.String(),
  fileName: Type.String(),
  rowCount: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer(),
  method: Type.String({
    description: 'What the import did to the source: rows and columns summed, kept apart, dropped or skipped.',
  }),
  importedAt: Type.String({ format: 'date-time' }),
  importedBy: Type.Union([Type.String(), Type.Null()]),
});
