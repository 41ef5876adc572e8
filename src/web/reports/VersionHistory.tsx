import { Box, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { diffQuery, versionsQuery } from './queries';

const SECTION_KEYS: Record<string, string> = {
  situation: 'reports.section.situation',
  securityImplications: 'reports.section.security',
  alert: 'reports.section.alert',
  recommendations: 'reports.section.recommendations',
};

function sectionLabel(t: TFunction, section: string): string {
  const [group, code] = section.split('.');
  if (group === 'findings') return t(`reports.dimension.${code}`);
  if (group === 'keyAreaFindings') return t(`reports.keyArea.${code}`);
  return t(SECTION_KEYS[section] ?? 'reports.section.situation');
}

/** The versions of a report, and the word-level differences between any two of them. */
export function VersionHistory({ id, current }: { id: string; current: number }) {
  const { t } = useTranslation();
  const versions = useQuery(versionsQuery(id));
  // Until the reader picks versions, compare the latest with the one before, following new saves.
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  const from = picked?.from ?? Math.max(1, current - 1);
  const to = picked?.to ?? current;
  const diff = useQuery({ ...diffQuery(id, from, to), enabled: current > 1 });
  const options = (versions.data ?? []).map((v) => ({
    value: String(v.number),
    label: t('reports.history.version', { n: v.number }),
  }));
  return (
    <Stack gap="sm">
      <Title order={2}>{t('reports.history.title')}</Title>
      <ProblemAlert error={versions.error ?? diff.error} />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.history.number')}</Table.Th>
            <Table.Th>{t('reports.history.author')}</Table.Th>
            <Table.Th>{t('reports.history.at')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(versions.data ?? []).map((v) => (
            <Table.Tr key={v.number}>
              <Table.Td>{v.number}</Table.Td>
              <Table.Td>{v.author ?? '—'}</Table.Td>
              <Table.Td>{new Date(v.at).toLocaleString()}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {current > 1 ? (
        <>
          <Title order={3}>{t('reports.history.compare')}</Title>
          <Group>
            <NativeSelect
              label={t('reports.history.from')}
              value={String(from)}
              data={options}
              onChange={(e) => setPicked({ from: Number(e.currentTarget.value), to })}
            />
            <NativeSelect
              label={t('reports.history.to')}
              value={String(to)}
              data={options}
              onChange={(e) => setPicked({ from, to: Number(e.currentTarget.value) })}
            />
          </Group>
          <section aria-label={t('reports.history.differences')}>
            {diff.data?.sections
              .filter((s) => s.changed)
              .map((s) => (
                <Box key={s.section} mb="sm">
                  <Text fw={600}>{sectionLabel(t, s.section)}</Text>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>
                    {s.parts.map((p, i) =>
                      p.kind === 'same' ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
                        <span key={i}>{p.text}</span>
                      ) : p.kind === 'added' ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
                        <ins key={i} style={{ background: 'var(--mantine-color-green-1)' }}>
                          {p.text}
                        </ins>
                      ) : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
                        <del key={i} style={{ background: 'var(--mantine-color-red-1)' }}>
                          {p.text}
                        </del>
                      ),
                    )}
                  </Text>
                </Box>
              ))}
            {diff.data && !diff.data.sections.some((s) => s.changed) ? <Text c="dimmed">{t('reports.history.same')}</Text> : null}
          </section>
        </>
      ) : null}
    </Stack>
  );
}
