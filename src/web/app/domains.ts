import type { AnyRoute } from '@tanstack/react-router';
import type i18next from 'i18next';
import type { ReactNode } from 'react';
import { directoryDomain } from '../directory';
import { incidentsDomain } from '../incidents';
import { missionsDomain } from '../missions';
import { reportsDomain } from '../reports';
import { rosterDomain } from '../roster';
import { solidarityDomain } from '../solidarity';
import { warningDomain } from '../warning';

/** A navigation entry of a domain; shown only to whom `show` admits. */
export interface NavEntry {
  to: string;
  /** i18n key of the label, e.g. `directory.nav.search`. */
  label: string;
  icon: ReactNode;
  /** `public`: everyone; `signed_in`: any signed-in person; otherwise a verb the session must hold. */
  show: 'public' | 'signed_in' | string;
}

type Translations = Record<string, unknown>;

/**
 * What a domain contributes to the web client: its pages (child routes of the root route), its
 * navigation entries, and its translations, merged under the domain's name (`t('<name>.…')`).
 * See src/web/DOMAINS.md.
 */
export interface WebDomain {
  name: string;
  routes: (root: AnyRoute) => AnyRoute[];
  nav?: NavEntry[];
  translations: { en: Translations; fr: Translations; de: Translations; it: Translations; ru: Translations; es: Translations };
}

/** Every domain of the web client, in navigation order. A new domain adds one line. */
export const WEB_DOMAINS: WebDomain[] = [
  directoryDomain,
  solidarityDomain,
  warningDomain,
  rosterDomain,
  missionsDomain,
  reportsDomain,
  incidentsDomain,
];

/** Adds every domain's translations to the interface's resources. */
export function registerDomainTranslations(i18n: typeof i18next): void {
  for (const domain of WEB_DOMAINS) {
    for (const [language, resources] of Object.entries(domain.translations)) {
      i18n.addResourceBundle(language, 'translation', { [domain.name]: resources }, true, false);
    }
  }
}

/** Whether a navigation entry is for this visitor. */
export function shows(entry: NavEntry, permissions: readonly string[] | undefined): boolean {
  if (entry.show === 'public') return true;
  if (!permissions) return false;
  return entry.show === 'signed_in' || permissions.includes(entry.show);
}
