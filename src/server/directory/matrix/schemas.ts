import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { DIMENSIONS } from '../../reference/values.js';
import { ACTIVITY_STATUSES, Code, Iso2, Nullable } from '../schemas.js';
import { FIELDS } from './columns.js';

export const ExportQuery = Type.Object(
  {
    format: Type.Optional(StringEnum(['csv', 'xlsx'] as const, { description: 'XLSX unless csv is asked for.' })),
    organisationId: Type.Optional(Uuid),
    country: Type.Optional(Iso2),
    keyArea: Type.Optional(Code),
    dimension: Type.Optional(StringEnum(DIMENSIONS)),
    status: Type.Optional(StringEnum(ACTIVITY_STATUSES)),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;

export const ImportQuery = Type.Object(
  {
    format: Type.Optional(
      StringEnum(['csv', 'xlsx'] as const, { description: 'Read from the content type or the bytes if left out.' }),
    ),
    dryRun: Type.Optional(Type.Boolean({ default: false, description: 'Report what would change, and change nothing.' })),
    mapping: Type.Optional(
      Type.String({
        maxLength: 4000,
        description: `For sheets without a HXL row: a JSON object from field (${FIELDS.join(', ')}) to column label.`,
      }),
    ),
    fileName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

export const ImportReport = Type.Object({
  outcome: StringEnum(['applied', 'dry_run', 'rejected'] as const, {
    description: 'Rejected: at least one row is wrong, and nothing was changed.',
  }),
  recognisedBy: StringEnum(['hxl', 'mapping', 'labels'] as const),
  rowsRead: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  organisationsCreated: Type.Integer(),
  contactsCreated: Type.Integer(),
  rejections: Type.Array(Type.Object({ row: Type.Integer(), reasons: Type.Array(Type.String()) })),
  changes: Type.Array(
    Type.Object({
      row: Type.Integer(),
      action: StringEnum(['create', 'update', 'unchanged'] as const),
      code: Nullable(Type.String()),
      title: Type.String(),
    }),
    { description: 'The first 1,000 rows that were (or would be) written or left as they are.' },
  ),
});
export type ImportReport = Static<typeof ImportReport>;

export const ImportProgress = Type.Object({
  phase: StringEnum(['reading', 'checking', 'writing'] as const),
  done: Type.Integer(),
  total: Type.Integer(),
});
export type ImportProgress = Static<typeof ImportProgress>;
