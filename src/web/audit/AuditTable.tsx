import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../app/types';

function Details({ entry }: { entry: AuditEntryView }) {
  const { t } = useTranslation();
  if (Object.keys(entry.details).length === 0) return null;
  return (
    <details>
      <summary>
        <Text span size="sm" c="blue.8" style={{ cursor: 'pointer' }}>
          {t('audit.showDetails')}
        </Text>
      </summary>
      <Code block mt={4} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {JSON.stringify(entry.details, null, 2)}
      </Code>
    </details>
  );
}

/** One page of the audit log, newest first. */
export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  const { t, i18n } = useTranslation();
  const dateFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped verticalSpacing="xs" fz="sm" aria-label={t('audit.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.verb')}</Table.Th>
            <Table.Th scope="col">{t('audit.record')}</Table.Th>
            <Table.Th scope="col">{t('audit.address')}</Table.Th>
            <Table.Th scope="col">{t('audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td className="nowrap">
                <time dateTime={entry.at}>{dateFormat.format(new Date(entry.at))}</time>
              </Table.Td>
              <Table.Td>
                {entry.actor ? (
                  <>
                    <Text size="sm" fw={500}>
                      {entry.actor.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {entry.actor.email}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('audit.system')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`audit.verbs.${entry.verb}`, { defaultValue: entry.verb })}</Text>
              </Table.Td>
              <Table.Td>
                {entry.recordType ? (
                  <>
                    <Text size="sm">{t(`audit.recordTypes.${entry.recordType}`, { defaultValue: entry.recordType })}</Text>
                    {entry.recordId ? (
                      <Text size="xs" c="dimmed" ff="monospace">
                        {entry.recordId}
                      </Text>
                    ) : null}
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {entry.address ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td maw={360}>
                <Details entry={entry} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
