import { Anchor, Badge, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { CountryPicker, useCountryNames } from '../reference/pickers';
import { useApiLanguage } from '../reference/queries';
import { AUDIENCES, type CampaignQuery, type CampaignView, campaignsQuery } from './rhetoric-queries';

const PAGE = 20;
const YEARS = Array.from({ length: new Date().getFullYear() - 2009 }, (_, i) => String(new Date().getFullYear() - i));

function CampaignCard({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation();
  const countries = useCountryNames();
  const c = campaign;
  return (
    <Card withBorder component="article" aria-label={c.title}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {c.title}
          </Title>
          {c.actions.includes('edit') ? (
            <Anchor component={Link} to={`/incidents/campaigns/${c.id}/edit`}>
              {t('incidents.campaigns.edit')}
            </Anchor>
          ) : null}
        </Group>
        <Text size="sm">
          {t('incidents.campaigns.byOrganiser', { organiser: c.organiser.name })} ·{' '}
          {c.endsOn
            ? t('incidents.campaigns.period', { from: c.startsOn, to: c.endsOn })
            : t('incidents.campaigns.since', { from: c.startsOn })}
        </Text>
        <Text size="sm">{c.countries.map(countries.name).join(', ')}</Text>
        {c.description ? <Text>{c.description}</Text> : null}
        <Group gap="xs">
          {c.audiences.map((a) => (
            <Badge key={a} variant="light">
              {t(`incidents.campaigns.audience.${a}`)}
            </Badge>
          ))}
        </Group>
        {c.reach.count !== null || c.reach.description ? (
          <Text size="sm">
            {t('incidents.campaigns.reach')}: {c.reach.count !== null ? c.reach.count.toLocaleString() : ''} {c.reach.description}
          </Text>
        ) : null}
        {c.materials.length > 0 ? (
          <Group gap="xs">
            <Text size="sm">{t('incidents.campaigns.materials')}:</Text>
            {c.materials.map((m) => (
              <Anchor key={m.id} component={Link} to={`/library/documents/${m.id}`} size="sm">
                {m.title}
              </Anchor>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Awareness-raising campaigns against xenophobia, filtered by country, audience and year, a page at a time. */
export function CampaignsPage() {
  const { t } = useTranslation();
  usePageTitle(t('incidents.campaigns.title'));
  const lang = useApiLanguage();
  const search = useSearch({ strict: false }) as { country?: unknown };
  const initial = typeof search.country === 'string' && /^[A-Z]{2}$/.test(search.country) ? search.country : undefined;
  const [filter, setFilter] = useState<CampaignQuery>({ limit: PAGE, offset: 0, ...(initial ? { country: initial } : {}) });
  const campaigns = useQuery(campaignsQuery({ ...filter, lang }));
  const canManage = useCan('campaign.manage');
  const change = (patch: Partial<CampaignQuery>) => setFilter((f) => ({ ...f, ...patch, offset: 0 }));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('incidents.campaigns.title')}</Title>
        {canManage ? (
          <Anchor component={Link} to="/incidents/campaigns/new">
            {t('incidents.campaigns.new')}
          </Anchor>
        ) : null}
      </Group>
      <Text>{t('incidents.campaigns.intro')}</Text>
      <Group align="end" wrap="wrap">
        <CountryPicker
          label={t('incidents.fields.country')}
          value={filter.country ?? null}
          onChange={(country) => change({ country: country ?? undefined })}
        />
        <Select
          label={t('incidents.campaigns.fields.audience')}
          clearable
          data={AUDIENCES.map((a) => ({ value: a, label: t(`incidents.campaigns.audience.${a}`) }))}
          value={filter.audience ?? null}
          onChange={(v) => change({ audience: (v ?? undefined) as CampaignQuery['audience'] })}
        />
        <Select
          label={t('incidents.stats.year')}
          clearable
          data={YEARS}
          value={filter.year ? String(filter.year) : null}
          onChange={(v) => change({ year: v ? Number(v) : undefined })}
        />
      </Group>
      <ProblemAlert error={campaigns.error} />
      {campaigns.data?.total === 0 ? (
        <EmptyState
          message={t('incidents.campaigns.empty')}
          actions={canManage ? [{ label: t('incidents.campaigns.new'), to: '/incidents/campaigns/new' }] : []}
        />
      ) : (
        <>
          {(campaigns.data?.items ?? []).map((c) => (
            <CampaignCard key={c.id} campaign={c} />
          ))}
          <Pager
            total={campaigns.data?.total ?? 0}
            limit={PAGE}
            offset={filter.offset ?? 0}
            onChange={(offset) => setFilter((f) => ({ ...f, offset }))}
            label={t('incidents.campaigns.title')}
          />
        </>
      )}
    </Stack>
  );
}
