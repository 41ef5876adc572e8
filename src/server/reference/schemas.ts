import { type Static, Type } from '@sinclair/typebox';
import { Names, StringEnum, Uuid } from '../http/schemas.js';
import { LANGUAGES, OSCE_STATUSES, STRUCTURE_TYPES, SUBREGIONS } from './values.js';

export { OSCE_STATUSES, STRUCTURE_TYPES, SUBREGIONS };

export const Language = StringEnum(LANGUAGES, { description: 'One of the six OSCE languages.' });

const Iso2 = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code.' });

export const CountryView = Type.Object({
  iso2: Iso2,
  iso3: Type.String(),
  name: Type.String({ description: 'The name in the requested language.' }),
  names: Names,
  osceStatus: StringEnum(OSCE_STATUSES),
  partnerGroup: Type.Union([StringEnum(['asian', 'mediterranean'] as const), Type.Null()]),
  subregion: Type.Union([StringEnum(SUBREGIONS), Type.Null()]),
  fieldOperation: Type.Boolean({ description: 'Whether an OSCE field operation is hosted there.' }),
  capital: Type.Union([Type.String(), Type.Null()]),
  capitalLatitude: Type.Union([Type.Number(), Type.Null()]),
  capitalLongitude: Type.Union([Type.Number(), Type.Null()]),
  eastOfVienna: Type.Union([Type.Boolean(), Type.Null()]),
  actions: Type.Array(Type.Literal('edit')),
});
export type CountryView = Static<typeof CountryView>;

export const CountryQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(OSCE_STATUSES)),
    subregion: Type.Optional(StringEnum(SUBREGIONS)),
    fieldOperation: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of a name (any language) or a code.' })),
    lang: Type.Optional(Language),
  },
  { additionalProperties: false },
);
export type CountryQuery = Static<typeof CountryQuery>;

export const Iso2Params = Type.Object({ iso2: Iso2 }, { additionalProperties: false });
export const LangQuery = Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false });

const OptionalName = Type.Optional(Type.String({ minLength: 1, maxLength: 200 }));
export const UpdateCountryBody = Type.Object(
  {
    names: Type.Optional(
      Type.Object(
        { en: OptionalName, fr: OptionalName, de: OptionalName, it: OptionalName, ru: OptionalName, es: OptionalName },
        { additionalProperties: false, minProperties: 1 },
      ),
    ),
    osceStatus: Type.Optional(StringEnum(OSCE_STATUSES)),
    partnerGroup: Type.Optional(Type.Union([StringEnum(['asian', 'mediterranean'] as const), Type.Null()])),
    subregion: Type.Optional(Type.Union([StringEnum(SUBREGIONS), Type.Null()])),
    fieldOperation: Type.Optional(Type.Boolean()),
    capital: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
    capitalLatitude: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
    capitalLongitude: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCountryBody = Static<typeof UpdateCountryBody>;

export const StructureView = Type.Object({
  id: Uuid,
  code: Type.String(),
  type: StringEnum(STRUCTURE_TYPES),
  acronym: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  names: Names,
  parentId: Type.Union([Uuid, Type.Null()]),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  countryIso2: Type.Union([Iso2, Type.Null()]),
  countryName: Type.Union([Type.String(), Type.Null()]),
  city: Type.Union([Type.String(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
});
export type StructureView = Static<typeof StructureView>;

export const StructureQuery = Type.Object(
  {
    type: Type.Optional(StringEnum(STRUCTURE_TYPES)),
    country: Type.Optional(Iso2),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    lang: Type.Optional(Language),
  },
  { additionalProperties: false },
);
export type StructureQuery = Static<typeof StructureQuery>;

export const CodedView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  names: Names,
  dimension: Type.Optional(Type.String()),
});
export type CodedView = Static<typeof CodedView>;
