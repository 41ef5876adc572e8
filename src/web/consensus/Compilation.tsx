import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Compilation as CompilationView } from '../../server/consensus/revisions/schemas';
import { api } from '../app/api';
import { useCountryNames } from '../reference/pickers';
import type { DocumentView } from './queries';

/** The chair's compilation: each paragraph as negotiators write it, unagreed words in square brackets, with the sponsors beside. */
export function Compilation({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const names = useCountryNames();
  const compiled = useQuery({
    queryKey: ['consensus', 'compilation', doc.id, doc.updatedAt],
    queryFn: () => api.get<CompilationView>(`/consensus/documents/${doc.id}/compilation`),
  });
  return (
    <Stack gap="sm">
      <Title order={2}>{t('consensus.compilation.title')}</Title>
      <Table>
        <Table.Tbody>
          {(compiled.data?.paragraphs ?? []).map((p) => (
            <Table.Tr key={`${p.id ?? p.amendments[0]?.id}`} data-testid="compiled">
              <Table.Td w={110}>
                <Text fw={700}>{p.number}</Text>
              </Table.Td>
              <Table.Td>
                <Text>{p.bracketed}</Text>
                {p.amendments.length > 0 ? (
                  <Group gap="xs">
                    {p.amendments.map((a) => (
                      <Text key={a.id} size="xs" c="dimmed">
                        {t('consensus.compilation.by', { states: [a.sponsor, ...a.cosponsors].map(names.name).join(', ') })}
                      </Text>
                    ))}
                  </Group>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
