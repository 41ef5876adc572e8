import { Box, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCountryNames } from '../reference/pickers';
import { diffQuery, structureLabel, structuresQuery, versionsQuery } from './queries';

const SECTION_KEYS: Record<string, string> = {
  situation: 'reports.section.situation',
  securityImplications: 'reports.section.security',
  alert: 'reports.section.alert',
  recommendations: 'reports.section.recommendations',
};

/** The fields of a recommendation that the comparison shows apart, coded, with their label. */
const RECOMMENDATION_FIELDS: Record<string, string> = {
  addressee: 'reports.fields.addressee',
  keyArea: 'reports.fields.keyArea',
  dimension: 'reports.fields.dimension',
  priority: 'reports.fields.priority',
  due: 'reports.fields.due',
};

function sectionLabel(t: TFunction, section: string): string {
  const [group, code, field] = section.split('.');
  if (group === 'findings') return t(`reports.dimension.${code}`);
  if (group === 'keyAreaFindings') return t(`reports.keyArea.${code}`);
  if (section === 'alert.level') return t('reports.alert.level');
  if (group === 'recommendation')
    return `${t('reports.recommendation.text', { n: code })}: ${t(RECOMMENDATION_FIELDS[field ?? ''] ?? 'reports.fields.recommendation')}`;
  return t(SECTION_KEYS[section] ?? 'reports.section.situation');
}

/** Names the coded value of a section in the reader's language; free text stays as written. */
function useValueNames(): (section: string, text: string) => string {
  const { t } = useTranslation();
  const countries = useCountryNames();
  const structures = useQuery(structuresQuery);
  return (section, text) => {
    const value = text.trim();
    if (!value) return text;
    const field = section === 'alert.level' ? 'level' : section.startsWith('recommendation.') ? section.split('.')[2] : null;
    switch (field) {
      case 'level':
        return t(`reports.level.${value}`);
      case 'keyArea':
        return t(`reports.keyArea.${value}`);
      case 'dimension':
        return t(`reports.dimension.${value}`);
      case 'priority':
        return t(`reports.priority.${value}`);
      case 'addressee': {
        if (/^[A-Z]{2}$/.test(value)) return countries.name(value);
        const structure = structures.data?.find((s) => s.id === value);
        return structure ? structureLabel(structure) : '…';
      }
      default:
        return text;
    }
  };
}

/** The versions of a report, and the word-level differences between any two of them. */
export function VersionHistory({ id, current }: { id: string; current: number }) {
  const { t } = useTranslation();
  const named = useValueNames();
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
                        <span key={i}>{named(s.section, p.text)}</span>
                      ) : p.kind === 'added' ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
                        <ins key={i} style={{ background: 'var(--mantine-color-green-1)' }}>
                          {named(s.section, p.text)}
                        </ins>
                      ) : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
                        <del key={i} style={{ background: 'var(--mantine-color-red-1)' }}>
                          {named(s.section, p.text)}
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
