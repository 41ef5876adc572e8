import { type Static, Type } from '@sinclair/typebox';

export const SsoSettingsView = Type.Object({
  /** Whether the sign-in page offers single sign-on. */
  enabled: Type.Boolean(),
  /** The organisation's name for the button ("Sign in with …"), or null for a generic label. */
  name: Type.Union([Type.String(), Type.Null()]),
});
export type SsoSettingsView = Static<typeof SsoSettingsView>;

/** A path of this platform to return to after signing in; never another host. */
export const ReturnPath = Type.String({ pattern: '^/(?:[^/\\\\\\s][^\\s]*)?$', maxLength: 500 });

export const StartQuery = Type.Object({ redirect: Type.Optional(ReturnPath) }, { additionalProperties: false });
export type StartQuery = Static<typeof StartQuery>;

/** The provider's answer; its parameters are checked by the service, not here, so that a refusal is a redirect. */
export const CallbackQuery = Type.Record(Type.String(), Type.String());

export const Redirect = Type.Null({ description: 'A redirect; the Location header says where.' });
