import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useApiLanguage } from '../reference/queries';
import { campaignsQuery } from './rhetoric-queries';

/** "Campaigns in this country": the latest few, and a link to all of them; for the incident and training pages of a country. */
export function CampaignsPanel({ country, countryName }: { country: string; countryName: string }) {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const campaigns = useQuery(campaignsQuery({ country, lang, limit: 5 }));
  const items = campaigns.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-label={t('incidents.campaigns.inCountry', { country: countryName })}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('incidents.campaigns.inCountry', { country: countryName })}
        </Title>
        {campaigns.data && items.length === 0 ? <Text size="sm">{t('incidents.campaigns.noneInCountry')}</Text> : null}
        {items.length > 0 ? (
          <List size="sm">
            {items.map((c) => (
              <List.Item key={c.id}>
                {c.title} ({c.organiser.name}, {c.startsOn.slice(0, 4)})
              </List.Item>
            ))}
          </List>
        ) : null}
        <Anchor component={Link} to={`/incidents/campaigns?country=${country}`} size="sm">
          {t('incidents.campaigns.allInCountry')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/** A country's name with a link to the campaigns there, for tables by country on other pages. */
export function CountryWithCampaigns({ country, name }: { country: string; name: string }) {
  const { t } = useTranslation();
  return (
    <>
      {name}{' '}
      <Anchor component={Link} to={`/incidents/campaigns?country=${country}`} size="xs">
        {t('incidents.campaigns.linkShort')}
      </Anchor>
    </>
  );
}
