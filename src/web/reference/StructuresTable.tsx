import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StructureView } from '../app/types';

function shortAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host.replace(/^www\./, '')}${parsed.pathname.replace(/\/$/, '')}`;
  } catch {
    return url;
  }
}

interface Props {
  structures: StructureView[];
  parentName: (id: string | null) => string | null;
}

export function StructuresTable({ structures, parentName }: Props) {
  const { t } = useTranslation();
  if (structures.length === 0) return <Text>{t('reference.noStructures')}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm" aria-label={t('reference.structuresTab')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reference.structure')}</Table.Th>
            <Table.Th scope="col">{t('reference.type')}</Table.Th>
            <Table.Th scope="col">{t('reference.partOf')}</Table.Th>
            <Table.Th scope="col">{t('reference.location')}</Table.Th>
            <Table.Th scope="col">{t('reference.website')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {structures.map((structure) => (
            <Table.Tr key={structure.id}>
              <Table.Th scope="row" fw={500}>
                {structure.name}
                {structure.acronym ? (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    ({structure.acronym})
                  </Text>
                ) : null}
              </Table.Th>
              <Table.Td>{t(`structureType.${structure.type}`)}</Table.Td>
              <Table.Td>{parentName(structure.parentId) ?? '—'}</Table.Td>
              <Table.Td>{[structure.city, structure.countryName].filter(Boolean).join(', ') || '—'}</Table.Td>
              <Table.Td>
                {structure.website ? (
                  <Anchor href={structure.website} target="_blank" rel="noopener noreferrer" size="sm">
                    {shortAddress(structure.website)}
                    <VisuallyHidden> {t('common.opensInNewTab')}</VisuallyHidden>
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
