import { Box, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, KEY_AREAS, type ReportContent } from './queries';
import { LevelBadge } from './StatusBadge';

/** Rich text the server has already reduced to its safe subset (no scripts, handlers or styles). */
export function HtmlBlock({ html }: { html: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (element.current) element.current.innerHTML = html;
  }, [html]);
  return <Box ref={element} className="report-text" />;
}

function Section({ title, html }: { title: string; html: string }) {
  if (!html) return null;
  return (
    <>
      <Title order={4}>{title}</Title>
      <HtmlBlock html={html} />
    </>
  );
}

/** A report's content as a reader sees it. */
export function ContentView({ content, headingLevel = 3 }: { content: ReportContent; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const H = headingLevel;
  return (
    <Stack gap="xs">
      <Title order={H}>{t('reports.section.situation')}</Title>
      <HtmlBlock html={content.situation} />
      <Title order={H}>{t('reports.section.findings')}</Title>
      {DIMENSIONS.map((d) => (
        <Section key={d} title={t(`reports.dimension.${d}`)} html={content.findings[d]} />
      ))}
      {KEY_AREAS.map((k) => (
        <Section key={k} title={t(`reports.keyArea.${k}`)} html={content.keyAreaFindings[k]} />
      ))}
      <Title order={H}>{t('reports.section.security')}</Title>
      <HtmlBlock html={content.securityImplications} />
      <Title order={H}>{t('reports.section.alert')}</Title>
      <Text>
        {t('reports.alert.level')}: {content.alert.level ? <LevelBadge level={content.alert.level} /> : t('reports.alert.none')}
      </Text>
      <HtmlBlock html={content.alert.rationale} />
      {content.alert.indicators.length > 0 ? (
        <Text size="sm">
          {t('reports.alert.indicators')}: {content.alert.indicators.join('; ')}
        </Text>
      ) : null}
      <Title order={H}>{t('reports.section.recommendations')}</Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.fields.number')}</Table.Th>
            <Table.Th>{t('reports.fields.recommendation')}</Table.Th>
            <Table.Th>{t('reports.fields.keyArea')}</Table.Th>
            <Table.Th>{t('reports.fields.priority')}</Table.Th>
            <Table.Th>{t('reports.fields.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {content.recommendations.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the numbered list of one version never reorders
            <Table.Tr key={i}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{r.text}</Table.Td>
              <Table.Td>{t(`reports.keyArea.${r.keyArea}`)}</Table.Td>
              <Table.Td>{t(`reports.priority.${r.priority}`)}</Table.Td>
              <Table.Td>{r.dueOn ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
