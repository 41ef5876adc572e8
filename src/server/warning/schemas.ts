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

/** A rule's name in the interface languages, by language code; the page shows the reader's, else the rule's `name`. */
export const RuleNames = Type.Record(Type.String({ pattern: '^[a-z]{2}$' }), Type.String(), {
  description: "The rule's name by language code (en, fr, de, it, ru, es); empty when it is named in one language only.",
});
