import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

export const PersonMetInput = Type.Object(
  {
    contactId: Type.Optional(Uuid),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    function: Type.Optional(Type.String({ maxLength: 200 })),
    organisation: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false, description: 'A directory contact, or a person typed in by name.' },
);

export const PeopleMetBody = Type.Object(
  { people: Type.Array(PersonMetInput, { maxItems: 200 }) },
  { additionalProperties: false },
);
export type PeopleMetBody = Static<typeof PeopleMetBody>;

export const PersonMet = Type.Object({
  contactId: Type.Union([Uuid, Type.Null()], { description: 'The directory contact, when chosen from the directory.' }),
  name: Type.String(),
  function: Type.String(),
  organisation: Type.String(),
});

export const PeopleMetView = Type.Object({
  people: Type.Array(PersonMet),
  /** `edit` when the caller may change the list. */
  actions: Type.Array(Type.String()),
});
export type PeopleMetView = Static<typeof PeopleMetView>;
