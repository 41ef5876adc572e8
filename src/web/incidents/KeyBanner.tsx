import { Alert, Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session';
import { keyStatusQuery } from './queries';

/** Until the organisation key exists, the co-ordinator is told, on every page, that the public form cannot receive reports. */
export function KeyBanner() {
  const { t } = useTranslation();
  const id = useId();
  const session = useSession();
  // Until a new account's password is changed, the server answers nothing else.
  const can = Boolean(
    session?.permissions.includes('incident.key.manage') && !session.mustChangePassword && !session.secondFactorStep,
  );
  const status = useQuery({ ...keyStatusQuery, enabled: can });
  if (!can || !status.data || status.data.key) return null;
  return (
    <section aria-labelledby={id}>
      <Alert color="orange" variant="light" mb="md" title={<span id={id}>{t('incidents.key.bannerTitle')}</span>}>
        <Text size="sm">{t('incidents.key.bannerText')}</Text>
        <Anchor component={Link} to="/incidents/key" size="sm" fw={600} c="inherit" underline="always">
          {t('incidents.key.bannerLink')}
        </Anchor>
      </Alert>
    </section>
  );
}
