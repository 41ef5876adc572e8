import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';

export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 500 }) }, { additionalProperties: false });

const SealedOutput = Type.Object({
  kind: StringEnum(['contact', 'description', 'photo'] as const),
  mediaType: Type.Union([Type.String(), Type.Null()]),
  wrappedKey: Type.String(),
  payload: Type.String(),
});

export const ProtectedView = Type.Object({
  key: Type.Object({
    keyId: Uuid,
    sealedPrivateKey: Type.String(),
    salt: Type.String(),
    iv: Type.String(),
    iterations: Type.Integer(),
  }),
  items: Type.Array(SealedOutput),
});
export type ProtectedView = Static<typeof ProtectedView>;
