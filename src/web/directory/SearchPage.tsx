import { Anchor, Badge, Button, Card, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { useApiLanguage } from '../reference/queries';
import { ActivityLine } from './ActivityLine';
import { ContactCard } from './ContactCard';
import { KEY_AREAS, ORGANISATION_TYPES, type SearchHit, STATUSES, searchQuery, useCountries } from './queries';

const LIMIT = 20;

/** A total, with "+" when the search stopped counting there. */
const shown = (n: number, capped: boolean) => (capped ? `${n}+` : String(n));

function Hit({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const countries = useCountries();
  if (hit.contact) return <ContactCard contact={hit.contact} />;
  if (hit.activity) return <ActivityLine activity={hit.activity} />;
  const o = hit.organisation;
  if (!o) return null;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={o.name}>
      <Group gap="xs">
        <Badge variant="light">{t(`directory.type.${o.type}`)}</Badge>
        <Anchor component={Link} to={`/directory/organisations/${o.id}`} fw={600}>
          {o.acronym ? `${o.acronym} – ${o.name}` : o.name}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {[o.city, o.countryIso2 ? countries.name(o.countryIso2) : null].filter(Boolean).join(', ')}
      </Text>
      {o.mandateSummary ? <Text size="sm">{o.mandateSummary}</Text> : null}
    </Card>
  );
}

/** The directory: one search over organisations, contacts and activities, with filters. */
export function SearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.search.title'));
  const lang = useApiLanguage();
  const countries = useCountries();
  const canImport = useCan('directory.import');
  const canEdit = useCan('directory.edit');
  const canManage = useCan('directory.manage');
  const [text, setText] = useState('');
  const [filters, setFilters] = useState({ q: '', kind: '', type: '', country: '', keyArea: '', status: '', offset: 0 });
  const result = useQuery(
    searchQuery(lang, {
      q: filters.q || undefined,
      kind: filters.kind || undefined,
      type: filters.type || undefined,
      country: filters.country || undefined,
      keyArea: filters.keyArea || undefined,
      status: filters.status || undefined,
      limit: LIMIT,
      offset: filters.offset,
    }),
  );
  const set = (patch: Partial<typeof filters>) => setFilters({ ...filters, ...patch, offset: patch.offset ?? 0 });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set({ q: text.trim() });
  };
  const totals = result.data?.totals;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('directory.search.title')}</Title>
          <Text c="dimmed" mt={4}>
            {t('directory.search.intro')}
          </Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to="/directory/whom-to-call" variant="light">
            {t('directory.nav.whom')}
          </Button>
          {canEdit ? (
            <Button component={Link} to="/directory/activities/new" variant="default">
              {t('directory.activity.add')}
            </Button>
          ) : null}
          {canEdit ? (
            <Button component={Link} to="/directory/contacts/new" variant="default">
              {t('directory.contactEditor.add')}
            </Button>
          ) : null}
          {canManage ? (
            <Button component={Link} to="/directory/organisations/new" variant="default">
              {t('directory.organisationEditor.add')}
            </Button>
          ) : null}
          {canImport ? (
            <Button component={Link} to="/directory/import" variant="default">
              {t('directory.nav.import')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <search aria-label={t('directory.search.title')}>
        <form onSubmit={submit}>
          <Group align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              label={t('directory.search.words')}
              description={t('directory.search.wordsHelp')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Button type="submit">{t('directory.search.submit')}</Button>
          </Group>
        </form>
      </search>
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t('directory.search.kind')}
          value={filters.kind}
          onChange={(e) => set({ kind: e.currentTarget.value })}
          data={[
            { value: '', label: t('directory.search.allKinds') },
            ...(['organisation', 'contact', 'activity'] as const).map((k) => ({ value: k, label: t(`directory.kind.${k}`) })),
          ]}
        />
        <NativeSelect
          label={t('directory.search.type')}
          value={filters.type}
          onChange={(e) => set({ type: e.currentTarget.value })}
          data={[
            { value: '', label: t('directory.search.any') },
            ...ORGANISATION_TYPES.map((k) => ({ value: k, label: t(`directory.type.${k}`) })),
          ]}
        />
        <NativeSelect
          label={t('directory.search.country')}
          value={filters.country}
          onChange={(e) => set({ country: e.currentTarget.value })}
          data={[
            { value: '', label: t('directory.search.any') },
            ...countries.list.map((c) => ({ value: c.iso2, label: c.name })),
          ]}
        />
        <NativeSelect
          label={t('directory.search.keyArea')}
          value={filters.keyArea}
          onChange={(e) => set({ keyArea: e.currentTarget.value })}
          data={[
            { value: '', label: t('directory.search.any') },
            ...KEY_AREAS.map((k) => ({ value: k, label: t(`directory.keyArea.${k}`) })),
          ]}
        />
        <NativeSelect
          label={t('directory.search.status')}
          value={filters.status}
          onChange={(e) => set({ status: e.currentTarget.value })}
          data={[
            { value: '', label: t('directory.search.any') },
            ...STATUSES.map((k) => ({ value: k, label: t(`directory.status.${k}`) })),
          ]}
        />
      </Group>
      <ProblemAlert error={result.error} />
      {result.isPending ? <Loader aria-label={t('directory.loading')} /> : null}
      {totals && result.data ? (
        <Text size="sm" role="status">
          {t('directory.search.totals', {
            organisations: shown(totals.organisation, result.data.capped.organisation),
            contacts: shown(totals.contact, result.data.capped.contact),
            activities: shown(totals.activity, result.data.capped.activity),
          })}
          {Object.values(result.data.capped).some(Boolean)
            ? ` ${t('directory.search.capped', { limit: result.data.countLimit })}`
            : null}
        </Text>
      ) : null}
      {result.data?.total === 0 ? (
        <EmptyState
          message={t('directory.search.empty')}
          actions={[
            ...(canImport ? [{ label: t('directory.search.emptyImport'), to: '/directory/import' }] : []),
            ...(canManage ? [{ label: t('directory.search.emptyOrganisation'), to: '/directory/organisations/new' }] : []),
            ...(canEdit ? [{ label: t('directory.search.emptyContact'), to: '/directory/contacts/new' }] : []),
          ]}
        />
      ) : null}
      <Stack gap="sm">
        {(result.data?.items ?? []).map((hit) => (
          <Hit key={`${hit.kind}-${hit.id}`} hit={hit} />
        ))}
      </Stack>
      {result.data ? (
        <Pager
          total={result.data.total}
          limit={LIMIT}
          offset={filters.offset}
          onChange={(offset) => set({ offset })}
          label={t('directory.search.pages')}
        />
      ) : null}
    </Stack>
  );
}
