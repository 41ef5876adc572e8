import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireSignIn } from './guards';

/**
 * One page of a domain: a child route of the root whose component is loaded when first visited
 * (`name` is the module's export). A `signed_in` page sends others to sign in and back.
 */
export function lazyPage(
  root: AnyRoute,
  path: string,
  load: () => Promise<Record<string, unknown>>,
  name: string,
  access: 'public' | 'signed_in',
): AnyRoute {
  return createRoute({
    getParentRoute: () => root,
    path,
    ...(access === 'signed_in' ? { beforeLoad: requireSignIn } : {}),
    component: lazyRouteComponent(load as never, name as never),
  });
}
