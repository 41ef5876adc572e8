import type i18next from 'i18next';
import { auditDomain } from '../audit';
import { authDomain } from '../auth';
import { conferencesDomain } from '../conferences';
import { consensusDomain } from '../consensus';
import { directoryDomain } from '../directory';
import { homeDomain } from '../home';
import { incidentsDomain } from '../incidents';
import { missionsDomain } from '../missions';
import { networkDomain } from '../network';
import { notificationsDomain } from '../notifications';
import { operationsDomain } from '../operations';
import { referenceDomain } from '../reference';
import { reportsDomain } from '../reports';
import { rosterDomain } from '../roster';
import { solidarityDomain } from '../solidarity';
import { trainingDomain } from '../training';
import { usersDomain } from '../users';
import { warningDomain } from '../warning';
import type { WebDomain } from './web-domain';

/** Every domain of the web client, in navigation order. A new domain adds one line. */
export const WEB_DOMAINS: WebDomain[] = [
  homeDomain,
  authDomain,
  referenceDomain,
  usersDomain,
  directoryDomain,
  solidarityDomain,
  warningDomain,
  rosterDomain,
  missionsDomain,
  trainingDomain,
  reportsDomain,
  incidentsDomain,
  consensusDomain,
  networkDomain,
  conferencesDomain,
  auditDomain,
  notificationsDomain,
  operationsDomain,
];

/** Adds every domain's translations to the interface's resources. */
export function registerDomainTranslations(i18n: typeof i18next): void {
  for (const domain of WEB_DOMAINS) {
    for (const [language, resources] of Object.entries(domain.translations ?? {})) {
      i18n.addResourceBundle(language, 'translation', { [domain.name]: resources }, true, false);
    }
  }
}
