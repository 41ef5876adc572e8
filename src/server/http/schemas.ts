import { type TSchema, Type } from '@sinclair/typebox';

/** A string from a fixed list, typed as the union of its values. */
export function StringEnum<T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export const Uuid = Type.String({ format: 'uuid', description: 'A record identifier (UUID).' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });

/** The RFC 9457 problem document every error answers with. */
export const ProblemDocument = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    detailKey: Type.Optional(Type.String({ description: 'The key of the detail in the catalogue of problem details.' })),
    detailParams: Type.Optional(Type.Record(Type.String(), Type.String())),
    instance: Type.Optional(Type.String()),
    code: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          pointer: Type.String(),
          code: Type.Optional(Type.String()),
          message: Type.String(),
          messageKey: Type.Optional(Type.String()),
          messageParams: Type.Optional(Type.Record(Type.String(), Type.String())),
        }),
      ),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details.' },
);

export const Pagination = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0 }),
    limit: Type.Integer(),
    offset: Type.Integer(),
  });
}

/** Names of a reference record in the six OSCE languages. */
export const Names = Type.Object({
  en: Type.String(),
  fr: Type.String(),
  de: Type.String(),
  it: Type.String(),
  ru: Type.String(),
  es: Type.String(),
});
