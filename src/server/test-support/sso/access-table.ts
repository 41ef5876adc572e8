import type { AccessTable } from '../access-table.js';

/**
 * Single sign-on's routes are public, like the password sign-in. The table runs without a provider
 * configured: the flow's routes then answer 404 `sso_not_configured` to everyone (the flow itself
 * is tested against a real provider in auth/oidc/oidc.test.ts).
 */
export const SSO_ROWS: AccessTable = {
  'GET /api/auth/oidc': { who: 'anyone', ok: 200 },
  'GET /api/auth/oidc/start': { who: 'anyone', ok: 404 },
  'GET /api/auth/oidc/callback': {
    who: 'anyone',
    ok: 404,
    request: () => ({ url: '/api/auth/oidc/callback?code=a-code&state=a-state' }),
  },
};
