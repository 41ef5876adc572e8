import { type Static, Type } from '@sinclair/typebox';

const Code = Type.String({ minLength: 1, maxLength: 20, description: 'The six digits the authenticator app shows now.' });

export const SecondFactorStatus = Type.Object({
  /** Whether the person has a confirmed second factor. */
  enrolled: Type.Boolean(),
  /** Whether the person's roles require one (they can then not remove it). */
  required: Type.Boolean(),
  /** How many of the ten recovery codes are still unused. */
  recoveryCodesLeft: Type.Integer({ minimum: 0 }),
});
export type SecondFactorStatus = Static<typeof SecondFactorStatus>;

export const EnrolmentView = Type.Object({
  /** The secret in base32, for typing into an app that cannot scan. */
  secret: Type.String(),
  /** The otpauth:// address the QR code holds. */
  uri: Type.String(),
  /** The QR code as an SVG image in a data: address. */
  qrCode: Type.String(),
});
export type EnrolmentView = Static<typeof EnrolmentView>;

export const CodeBody = Type.Object({ code: Code }, { additionalProperties: false });
export type CodeBody = Static<typeof CodeBody>;

export const RecoveryCodes = Type.Object({
  /** Shown once: only their hashes are kept. */
  recoveryCodes: Type.Array(Type.String(), { minItems: 10, maxItems: 10 }),
});
export type RecoveryCodes = Static<typeof RecoveryCodes>;

export const VerifyBody = Type.Union(
  [
    Type.Object({ code: Code }, { additionalProperties: false }),
    Type.Object(
      { recoveryCode: Type.String({ minLength: 1, maxLength: 40, description: 'One of the ten recovery codes.' }) },
      { additionalProperties: false },
    ),
  ],
  { description: 'Either a code from the authenticator app or a recovery code.' },
);
export type VerifyBody = Static<typeof VerifyBody>;

export const RemoveBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 200, description: 'One’s current password, to confirm.' }) },
  { additionalProperties: false },
);
export type RemoveBody = Static<typeof RemoveBody>;
