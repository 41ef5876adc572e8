import { type Static, Type } from '@sinclair/typebox';
import { Language } from '../../reference/schemas.js';

export const ReportDriversBody = Type.Object(
  { drivers: Type.Array(Type.String({ pattern: '^[a-z_]{2,40}$' }), { maxItems: 20, uniqueItems: true }) },
  { additionalProperties: false },
);
export type ReportDriversBody = Static<typeof ReportDriversBody>;

export const ReportDriversQuery = Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false });

export const ReportDriversView = Type.Object({
  drivers: Type.Array(
    Type.Object({ code: Type.String(), parent: Type.Union([Type.String(), Type.Null()]), name: Type.String() }),
    { description: 'The drivers of displacement the report names, in the classification’s order.' },
  ),
  actions: Type.Array(Type.String()),
});
export type ReportDriversView = Static<typeof ReportDriversView>;
