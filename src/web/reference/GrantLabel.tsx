import { useTranslation } from 'react-i18next';
import type { SessionView } from '../app/types';
import { useScopeNames } from './queries';

type Grant = SessionView['grants'][number];

/** "Focal point – ODIHR", "Delegation – Austria", "Co-ordinator – everywhere", for the given grants. */
export function useGrantLabel(grants: readonly Grant[]) {
  const { t } = useTranslation();
  const names = useScopeNames(grants.some((grant) => grant.scopeType !== 'global'));
  return (grant: Grant) => {
    const role = t(`role.${grant.role}`);
    if (grant.scopeType === 'organisation')
      return t('scope.in', { role, place: names.organisationShortName(grant.organisationId) });
    if (grant.scopeType === 'country') return t('scope.in', { role, place: names.countryName(grant.countryIso2) });
    return t('scope.everywhere', { role });
  };
}
