import * as client from 'openid-client';
import type { SsoConfig } from '../../config.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const discovered = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's configuration, read from its discovery document once per process. openid-client
 * refuses a document whose issuer differs from OIDC_ISSUER. A failure is not kept: the next
 * sign-in asks again.
 */
export function providerConfiguration(sso: SsoConfig): Promise<client.Configuration> {
  const key = `${sso.issuer} ${sso.clientId}`;
  let configuration = discovered.get(key);
  if (!configuration) {
    const issuer = new URL(sso.issuer);
    // Plain http only for a provider on this machine (config.ts refuses it elsewhere).
    const insecure = issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname);
    configuration = client.discovery(issuer, sso.clientId, sso.clientSecret, undefined, {
      execute: insecure ? [client.allowInsecureRequests] : [],
      timeout: 10,
    });
    discovered.set(key, configuration);
    configuration.catch(() => discovered.delete(key));
  }
  return configuration;
}

/** Why the provider's answer was refused, for the log: a word, never a token or a claim. */
export function refusalReason(error: unknown): string {
  // openid-client says which check failed in the cause (e.g. 'unexpected ID Token "nonce" claim value').
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  const message = `${error instanceof Error ? error.message : ''} ${cause}`;
  if (error instanceof client.AuthorizationResponseError) return 'provider_error';
  if (/nonce/i.test(message)) return 'nonce';
  if (/"iss"|issuer/i.test(message)) return 'issuer';
  if (/state/i.test(message)) return 'state';
  if (/code_verifier|pkce/i.test(message)) return 'pkce';
  return 'token_exchange';
}
