import { Badge, Card, Checkbox, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { currentLanguage } from '../i18n';
import { AlertDecision, AlertDrivers } from './AlertDecision';
import { CountryFlows } from './CountryFlows';
import { useAlertExplanation, useRuleName } from './explain';
import {
  type AlertView,
  countryRiskQuery,
  indicatorsQuery,
  LEVEL_COLOURS,
  LEVEL_TEXT,
  seriesQuery,
  useCountryNames,
} from './queries';
import { SeriesChart } from './SeriesChart';

/** One country: its risk score and history, each indicator's series with its alerts marked, and the alerts. */
export function CountryPage() {
  const { iso2 } = useParams({ strict: false }) as { iso2: string };
  const { t } = useTranslation();
  const name = useCountryNames();
  usePageTitle(name(iso2));
  const risk = useQuery(countryRiskQuery(iso2));
  const series = useQuery(seriesQuery(iso2));
  const indicators = useQuery(indicatorsQuery(currentLanguage()));
  const explain = useAlertExplanation();

  const charts = useMemo(() => {
    const byIndicator = new Map<string, Array<{ label: string; value: number; source: string; method: string }>>();
    for (const o of series.data ?? []) {
      const list = byIndicator.get(o.indicator) ?? [];
      list.push({ label: o.label, value: o.value, source: o.source, method: o.method });
      byIndicator.set(o.indicator, list);
    }
    return [...byIndicator.entries()].map(([code, all]) => {
      // Long yearly series start in 1951: the last 30 periods are what an analyst reads.
      const points = all.slice(-30);
      const provenance = new Map(points.map((p) => [`${p.source}\u0000${p.method}`, { source: p.source, method: p.method }]));
      const indicator = indicators.data?.find((i) => i.code === code);
      return {
        code,
        name: indicator?.name ?? code,
        unit: indicator?.unit ?? '',
        provenance: [...provenance.values()],
        points,
        alerts: (risk.data?.alerts ?? [])
          .filter((a) => a.indicator === code && a.status !== 'dismissed')
          .map((a) => ({ label: a.label, value: a.value, level: a.level, text: explain(a) })),
      };
    });
  }, [series.data, indicators.data, risk.data, explain]);

  const current = risk.data?.current;
  return (
    <Stack gap="md">
      <Title order={1}>{name(iso2)}</Title>
      {risk.error ? <ProblemAlert error={risk.error} /> : null}
      {risk.isPending ? <Loader /> : null}
      {current ? (
        <Card withBorder>
          <Group>
            <Text fw={700} size="xl" data-testid="risk-score">
              {t('warning.score')}: {current.score}
            </Text>
            <Badge color={LEVEL_COLOURS[current.level]} c={LEVEL_TEXT[current.level]} variant="filled" size="lg">
              {t(`warning.level.${current.level}`)}
            </Badge>
            <Text size="sm">
              {t('warning.parts.alerts')} {current.alerts} · {t('warning.parts.mission')} {current.mission ?? '—'} ·{' '}
              {t('warning.parts.incidents')} {current.incidents ?? '—'} ({current.year})
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mt="xs">
            {risk.data?.formula}
          </Text>
        </Card>
      ) : null}
      <Title order={2}>{t('warning.countryView.history')}</Title>
      <Table aria-label={t('warning.countryView.history')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('warning.year')}</Table.Th>
            <Table.Th>{t('warning.score')}</Table.Th>
            <Table.Th>{t('warning.level.label')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(risk.data?.history ?? []).map((p) => (
            <Table.Tr key={p.year}>
              <Table.Td>{p.year}</Table.Td>
              <Table.Td>{p.score}</Table.Td>
              <Table.Td>{t(`warning.level.${p.level}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CountryFlows iso2={iso2} />
      <Title order={2}>{t('warning.countryView.series')}</Title>
      {charts.map((c) => (
        <Card withBorder key={c.code} data-indicator={c.code}>
          <Title order={3} size="h5">
            {c.name}
          </Title>
          <SeriesChart
            label={t('warning.countryView.chart', { indicator: c.name, country: name(iso2) })}
            points={c.points}
            alerts={c.alerts}
          />
          <Text size="sm" c="dimmed" data-testid="series-unit">
            {t('warning.provenance.unit', { unit: t(`warning.units.${c.unit}`, { defaultValue: c.unit }) })}
          </Text>
          {c.provenance.map((p) => (
            <Text size="sm" c="dimmed" key={`${p.source}${p.method}`} data-testid="series-provenance">
              {t('warning.provenance.source', { source: p.source })}
              {p.method ? ` ${t('warning.provenance.method', { method: p.method })}` : ''}
            </Text>
          ))}
        </Card>
      ))}
      <Title order={2}>{t('warning.alerts.title')}</Title>
      <AlertList alerts={risk.data?.alerts ?? []} />
    </Stack>
  );
}

/** Alerts with their explanation, status and the decision the caller may take. */
export function AlertList({
  alerts,
  showCountry = false,
  selected,
  onSelect,
}: {
  alerts: AlertView[];
  showCountry?: boolean;
  /** When given, each alert the caller may decide on has a box to choose it for a decision on several. */
  selected?: ReadonlySet<string>;
  onSelect?: (id: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const name = useCountryNames();
  const explain = useAlertExplanation();
  const ruleName = useRuleName();
  if (alerts.length === 0) return <Text c="dimmed">{t('warning.alerts.none')}</Text>;
  return (
    <Stack gap="sm">
      {alerts.map((a) => (
        <Card withBorder key={a.id} data-alert={a.id} data-status={a.status} data-country={a.country}>
          <Group gap="xs">
            {onSelect && a.actions.includes('acknowledge') ? (
              <Checkbox
                aria-label={t('warning.alerts.select', { rule: a.rule.name, period: a.label })}
                checked={selected?.has(a.id) ?? false}
                onChange={(e) => onSelect(a.id, e.currentTarget.checked)}
              />
            ) : null}
            <Badge color={LEVEL_COLOURS[a.level]} c={LEVEL_TEXT[a.level]} variant="filled">
              {t(`warning.level.${a.level}`)}
            </Badge>
            {showCountry ? <Text fw={600}>{name(a.country)}</Text> : null}
            <Text fw={600}>{ruleName(a.rule)}</Text>
            <Text size="sm" c="dimmed">
              {a.label}
            </Text>
            <Badge variant="light">{t(`warning.status.${a.status}`)}</Badge>
          </Group>
          <Text size="sm" mt={4}>
            {explain(a)}
          </Text>
          {a.note ? (
            <Text size="sm" c="dimmed">
              {t('warning.alerts.note')}: {a.note} ({a.decidedBy})
            </Text>
          ) : null}
          <AlertDrivers alert={a} />
          <AlertDecision alert={a} />
        </Card>
      ))}
    </Stack>
  );
}
