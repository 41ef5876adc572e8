import { Anchor, Button, Checkbox, Group, Loader, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertQuery, BulkDecisionView } from '../../server/warning/alerts/schemas.js';
import { api, queryString } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { fieldErrorWithin } from '../app/field-errors';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { currentLanguage } from '../i18n';
import { AlertList } from './CountryPage';
import { useRuleName } from './explain';
import { alertsQuery, indicatorsQuery, rulesQuery, useCountryNames } from './queries';

export const ALERT_PAGE = 50;
const STATUSES = ['open', 'acknowledged', 'dismissed'] as const;
const LEVELS = ['red', 'orange', 'yellow'] as const;
const FLOWS = ['origin', 'transit', 'destination'] as const;

/** The inbox's view as it stands in the address bar, so that a view can be shared. */
export interface InboxSearch {
  status?: string;
  country?: string;
  indicator?: string;
  level?: string;
  rule?: string;
  flow?: string;
  offset?: number;
  group?: 'country';
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Reads the view from the address: unknown values are dropped, an absent status means open. */
export function inboxView(search: Record<string, unknown>): InboxSearch {
  const status = text(search.status);
  const level = text(search.level);
  const offset = Number(search.offset);
  return {
    status: status === 'all' || STATUSES.includes(status as never) ? status : undefined,
    country: text(search.country)?.toUpperCase(),
    indicator: text(search.indicator),
    level: LEVELS.includes(level as never) ? level : undefined,
    rule: text(search.rule),
    flow: FLOWS.includes(text(search.flow) as never) ? text(search.flow) : undefined,
    offset: Number.isInteger(offset) && offset > 0 ? offset : undefined,
    group: search.group === 'country' ? 'country' : undefined,
  };
}

/** The analysts' inbox: open alerts first, a page at a time, filtered, grouped by country, decided one by one or together. */
export function AlertsPage() {
  const { t } = useTranslation();
  usePageTitle(t('warning.alerts.title'));
  const view = inboxView(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const client = useQueryClient();
  const lang = currentLanguage();
  const countryName = useCountryNames();
  const indicators = useQuery(indicatorsQuery(lang));
  const rules = useQuery(rulesQuery());
  const ruleName = useRuleName();
  const status = view.status ?? 'open';
  const query: AlertQuery = {
    status: status === 'all' ? undefined : (status as AlertQuery['status']),
    country: view.country,
    indicator: view.indicator,
    level: view.level as AlertQuery['level'],
    rule: view.rule,
    flow: view.flow as AlertQuery['flow'],
    limit: ALERT_PAGE,
    offset: view.offset ?? 0,
  };
  const alerts = useQuery(alertsQuery(query));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');

  /** Changes the view in the address; a new filter starts again at the first page. */
  const go = (patch: Partial<InboxSearch>) => {
    const next: InboxSearch = { ...view, offset: undefined, ...patch };
    setSelected(new Set());
    void navigate({
      to: '/warning/alerts',
      search: Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== 0)) as never,
    });
  };

  const bulk = useMutation({
    mutationFn: (decision: 'acknowledged' | 'dismissed') =>
      api.post<BulkDecisionView>('/warning/alerts/decisions', { ids: [...selected], decision, note }),
    onSuccess: () => {
      setSelected(new Set());
      setNote('');
      return client.invalidateQueries({ queryKey: ['warning'] });
    },
  });

  const items = alerts.data?.items ?? [];
  const filtered = Boolean(view.status || view.country || view.indicator || view.level || view.rule || view.flow);
  const decidable = items.filter((a) => a.actions.includes('acknowledge'));
  const allSelected = decidable.length > 0 && decidable.every((a) => selected.has(a.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const exportHref = `/api/warning/alerts/export.csv${queryString({ ...query, limit: undefined, offset: undefined, hxl: true })}`;

  return (
    <Stack gap="md">
      <Title order={1}>{t('warning.alerts.title')}</Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('warning.alerts.status')}
          value={status}
          allowDeselect={false}
          onChange={(v) => go({ status: v === 'open' || !v ? undefined : v })}
          data={[...STATUSES, 'all'].map((s) => ({ value: s, label: t(`warning.status.${s}`) }))}
          w={160}
        />
        <Select
          label={t('warning.alerts.country')}
          placeholder={t('warning.alerts.anyCountry')}
          searchable
          clearable
          value={view.country ?? null}
          onChange={(v) => go({ country: v ?? undefined })}
          data={(alerts.data?.byCountry ?? [])
            .map((c) => ({ value: c.country, label: countryName(c.country) }))
            .concat(
              view.country && !alerts.data?.byCountry.some((c) => c.country === view.country)
                ? [{ value: view.country, label: countryName(view.country) }]
                : [],
            )
            .sort((a, b) => a.label.localeCompare(b.label))}
          w={220}
        />
        <Select
          label={t('warning.alerts.indicator')}
          placeholder={t('warning.alerts.anyIndicator')}
          searchable
          clearable
          value={view.indicator ?? null}
          onChange={(v) => go({ indicator: v ?? undefined })}
          data={(indicators.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
          w={260}
        />
        <Select
          label={t('warning.level.label')}
          placeholder={t('warning.alerts.anyLevel')}
          clearable
          value={view.level ?? null}
          onChange={(v) => go({ level: v ?? undefined })}
          data={LEVELS.map((l) => ({ value: l, label: t(`warning.level.${l}`) }))}
          w={160}
        />
        <Select
          label={t('warning.alerts.rule')}
          placeholder={t('warning.alerts.anyRule')}
          searchable
          clearable
          value={view.rule ?? null}
          onChange={(v) => go({ rule: v ?? undefined })}
          data={(rules.data ?? []).map((r) => ({ value: r.id, label: ruleName(r) }))}
          w={280}
        />
        <Select
          label={t('warning.alerts.flow')}
          placeholder={t('warning.alerts.anyFlow')}
          clearable
          value={view.flow ?? null}
          onChange={(v) => go({ flow: v ?? undefined })}
          data={FLOWS.map((f) => ({ value: f, label: t(`warning.alerts.flows.${f}`) }))}
          w={260}
        />
        <Switch
          label={t('warning.alerts.groupByCountry')}
          checked={view.group === 'country'}
          onChange={(e) => go({ group: e.currentTarget.checked ? 'country' : undefined, offset: view.offset })}
        />
      </Group>
      <Anchor href={exportHref}>{t('warning.alerts.export')}</Anchor>
      {alerts.error ? <ProblemAlert error={alerts.error} /> : null}
      {view.group === 'country' && alerts.data ? (
        <Table striped aria-label={t('warning.alerts.byCountry')} maw={480}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('warning.alerts.country')}</Table.Th>
              <Table.Th ta="right">{t('warning.alerts.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {alerts.data.byCountry.map((c) => (
              <Table.Tr key={c.country} aria-selected={c.country === view.country}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to="/warning/alerts"
                    search={{ ...view, offset: undefined, country: c.country } as never}
                  >
                    {countryName(c.country)}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{c.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {decidable.length > 0 ? (
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Checkbox
            label={t('warning.alerts.selectPage')}
            checked={allSelected}
            indeterminate={!allSelected && decidable.some((a) => selected.has(a.id))}
            onChange={(e) => setSelected(e.currentTarget.checked ? new Set(decidable.map((a) => a.id)) : new Set())}
          />
          <TextInput
            label={t('warning.alerts.bulkNote')}
            error={fieldErrorWithin(bulk.error, '/note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            size="xs"
            style={{ flex: 1, minWidth: 180 }}
          />
          <Button size="xs" disabled={selected.size === 0} loading={bulk.isPending} onClick={() => bulk.mutate('acknowledged')}>
            {t('warning.alerts.acknowledgeSelected', { count: selected.size })}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={selected.size === 0}
            loading={bulk.isPending}
            onClick={() => bulk.mutate('dismissed')}
          >
            {t('warning.alerts.dismissSelected', { count: selected.size })}
          </Button>
        </Group>
      ) : null}
      {bulk.error ? <ProblemAlert error={bulk.error} /> : null}
      {bulk.data ? (
        <Text size="sm" role="status">
          {t('warning.alerts.bulkDone', { decided: bulk.data.decided, skipped: bulk.data.skipped })}
        </Text>
      ) : null}
      {alerts.isPending ? (
        <Loader />
      ) : alerts.data?.total === 0 && !filtered ? (
        <EmptyState
          message={t('warning.alerts.emptyInbox')}
          actions={[{ label: t('warning.alerts.emptyImport'), to: '/warning/import' }]}
        />
      ) : alerts.data?.total === 0 ? (
        <Text c="dimmed">{t('warning.alerts.emptyFilter')}</Text>
      ) : (
        <AlertList alerts={items} showCountry selected={selected} onSelect={toggle} />
      )}
      {alerts.data ? (
        <Pager
          total={alerts.data.total}
          limit={alerts.data.limit}
          offset={alerts.data.offset}
          onChange={(offset) => go({ offset })}
          label={t('warning.alerts.pages')}
        />
      ) : null}
    </Stack>
  );
}
