import { Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { balanceQuery } from './queries';

/** Horizontal bars drawn as SVG in the page; the table beside carries the same figures. */
function Bars({ label, rows }: { label: string; rows: Array<{ name: string; count: number }> }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 420 ${rows.length * 26 + 4}`} style={{ width: '100%', maxWidth: 520 }}>
      {rows.map((r, i) => (
        <g key={r.name} transform={`translate(0 ${i * 26 + 2})`}>
          <text x={0} y={16} fontSize={12}>
            {r.name}
          </text>
          <rect x={200} y={3} height={18} width={(r.count / max) * 200} fill="#1864ab" />
          <text x={206 + (r.count / max) * 200} y={16} fontSize={12}>
            {r.count}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** The geographical balance of the mission portfolio over a period. */
export function BalancePage() {
  const { t } = useTranslation();
  usePageTitle(t('missions.balance.title'));
  const [from, setFrom] = useState('2016-01-01');
  const [to, setTo] = useState(`${new Date().getFullYear() + 1}-12-31`);
  const balance = useQuery(balanceQuery(from, to));
  const data = balance.data;
  return (
    <Stack gap="md">
      <Title order={1}>{t('missions.balance.title')}</Title>
      <Text c="dimmed">{t('missions.balance.intro')}</Text>
      <Group>
        <TextInput type="date" label={t('missions.balance.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('missions.balance.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      <ProblemAlert error={balance.error} />
      {data ? (
        <>
          <Text fw={600}>
            {t('missions.balance.summary', { count: data.missions, visits: data.visits, index: data.index ?? '—' })}
          </Text>
          {data.groupings.map((g) => {
            const rows = g.categories.map((c) => ({ name: t(`missions.balance.category.${c.key}`), count: c.count }));
            return (
              <Stack key={g.key} gap={4}>
                <Title order={2}>
                  {t(`missions.balance.grouping.${g.key}`)} · {t('missions.balance.index')} {g.index ?? '—'}
                </Title>
                <Group align="flex-start">
                  <Bars label={t(`missions.balance.grouping.${g.key}`)} rows={rows} />
                  <Table w={320}>
                    <Table.Tbody>
                      {rows.map((r) => (
                        <Table.Tr key={r.name}>
                          <Table.Td>{r.name}</Table.Td>
                          <Table.Td>{r.count}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Group>
              </Stack>
            );
          })}
        </>
      ) : null}
    </Stack>
  );
}
