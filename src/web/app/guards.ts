import { redirect } from '@tanstack/react-router';
import type { SessionView } from './types';

interface GuardArgs {
  context: { session?: SessionView | null };
  location: { href: string };
}

/** A page for signed-in people: others are sent to sign in and brought back afterwards. */
export function requireSignIn({ context, location }: GuardArgs): void {
  if (!context.session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
}
