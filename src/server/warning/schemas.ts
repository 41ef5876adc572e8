import { Type } from '@sinclair/typebox';

/** Schemas shared by the early-warning resources. */
export const Iso2 = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code.' });
export const Level = Type.Union([Type.Literal('yellow'), Type.Literal('orange'), Type.Literal('red')]);
export const RuleKind = Type.Union([
  Type.Literal('threshold'),
  Type.Literal('change_previous'),
  Type.Literal('change_year'),
  Type.Literal('zscore'),
]);

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
