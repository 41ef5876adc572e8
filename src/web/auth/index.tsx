import { type AnyRoute, createRoute, redirect } from '@tanstack/react-router';
import { requireSignIn } from '../app/guards';
import type { SessionView } from '../app/types';
import type { WebDomain } from '../app/web-domain';
import { ChangePasswordPage } from './ChangePasswordPage';
import { SecondFactorPage } from './SecondFactorPage';
import { SignInPage, SSO_REFUSALS, type SsoRefusal } from './SignInPage';

/** Only an address on this site may follow sign-in. */
function localAddress(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

/** Signing in, its second factor and changing one's own password; reached from the account menu, not the navigation. */
export const authDomain: WebDomain = {
  name: 'auth',
  routes: (root: AnyRoute) => [
    createRoute({
      getParentRoute: () => root,
      path: 'sign-in',
      validateSearch: (search: Record<string, unknown>): { redirect?: string; sso?: SsoRefusal } => {
        const target = localAddress(search.redirect);
        const refusal = SSO_REFUSALS.find((code) => code === search.sso);
        return { ...(target ? { redirect: target } : {}), ...(refusal ? { sso: refusal } : {}) };
      },
      beforeLoad: ({ context }) => {
        if ((context as { session?: SessionView | null }).session) throw redirect({ to: '/' });
      },
      component: SignInPage,
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'change-password',
      beforeLoad: requireSignIn,
      component: ChangePasswordPage,
    }),
    createRoute({
      getParentRoute: () => root,
      path: 'second-factor',
      beforeLoad: requireSignIn,
      component: SecondFactorPage,
    }),
  ],
};
