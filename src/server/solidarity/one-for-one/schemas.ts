import { type Static, Type } from '@sinclair/typebox';

const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'A month, YYYY-MM.' });
const Day = Type.String({ format: 'date' });

export const OneForOneMonth = Type.Object({
  month: Month,
  returns: Type.Integer({ description: 'Persons returned from the Greek islands to Turkey in the month.' }),
  resettled: Type.Integer({ description: 'Syrians resettled from Turkey to the EU in the month.' }),
  approximate: Type.Boolean({ description: 'Whether the source gives the figures as approximate.' }),
  coversFrom: Day,
  reportedOn: Day,
  source: Type.String(),
  sourceUrl: Type.String(),
});
export type OneForOneMonth = Static<typeof OneForOneMonth>;

export const OneForOneView = Type.Object({
  months: Type.Array(OneForOneMonth),
  totals: Type.Object({ returns: Type.Integer(), resettled: Type.Integer() }),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  actions: Type.Array(Type.Literal('import')),
});
export type OneForOneView = Static<typeof OneForOneView>;

export const OneForOneImportReport = Type.Object({
  reports: Type.Integer({ description: 'Rows of cumulative figures read.' }),
  months: Type.Integer({ description: 'Months now recorded (the series is replaced).' }),
  returns: Type.Integer(),
  resettled: Type.Integer(),
});
export type OneForOneImportReport = Static<typeof OneForOneImportReport>;

export const OneForOneImportQuery = Type.Object(
  { fileName: Type.Optional(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
);
