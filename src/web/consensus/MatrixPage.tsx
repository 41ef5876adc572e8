import { Anchor, Badge, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Matrix } from '../../server/consensus/positions/schemas';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames } from '../reference/pickers';
import { type DocumentView, documentQuery, STANCE_COLOURS, STATE_COLOURS, useLiveDocument } from './queries';

/** The States × paragraphs matrix: every State for the chair and the Secretariat, the reader's own row for a delegation. */
export function MatrixPage() {
  const { t } = useTranslation();
  usePageTitle(t('consensus.matrix.title'));
  const { id } = useParams({ strict: false }) as { id: string };
  useLiveDocument(id);
  const matrix = useQuery({
    queryKey: ['consensus', 'matrix', id],
    queryFn: () => api.get<Matrix>(`/consensus/documents/${id}/matrix`),
  });
  const names = useCountryNames();
  const doc = useQuery(documentQuery(id));
  const client = useQueryClient();
  const showNames = useMutation({
    mutationFn: (value: boolean) => api.patch<DocumentView>(`/consensus/documents/${id}`, { showNames: value }),
    onSuccess: (view) => {
      client.setQueryData(documentQuery(id).queryKey, view);
      void client.invalidateQueries({ queryKey: ['consensus', 'matrix', id] });
    },
  });
  const m = matrix.data;
  const cell = new Map((m?.cells ?? []).map((c) => [`${c.country}/${c.paragraphId}`, c]));
  const states = [...(m?.states ?? [])].sort((a, b) => names.name(a).localeCompare(names.name(b)));
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/consensus/${id}`}>
        {t('consensus.matrix.back')}
      </Anchor>
      <Title order={1}>{t('consensus.matrix.title')}</Title>
      <ProblemAlert error={matrix.error} />
      {doc.data?.actions.includes('edit') ? (
        <Stack gap={4}>
          <Switch
            label={t('consensus.matrix.showNames')}
            description={t('consensus.matrix.showNamesHint')}
            checked={doc.data.showNames}
            disabled={showNames.isPending}
            onChange={(e) => showNames.mutate(e.currentTarget.checked)}
          />
          <ProblemAlert error={showNames.error} />
        </Stack>
      ) : null}
      {m && !m.complete ? <Text c="dimmed">{t('consensus.matrix.ownOnly')}</Text> : null}
      {m && m.paragraphs.length === 0 ? <Text c="dimmed">{t('consensus.room.noText')}</Text> : null}
      {m && m.paragraphs.length > 0 ? (
        <Table.ScrollContainer minWidth={600}>
          <Table striped withTableBorder stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consensus.matrix.state')}</Table.Th>
                {m.paragraphs.map((p) => (
                  <Table.Th key={p.id}>
                    {p.number}{' '}
                    <Badge size="xs" color={STATE_COLOURS[p.state]}>
                      {t(`consensus.state.${p.state}`)}
                    </Badge>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {states.map((s) => (
                <Table.Tr key={s}>
                  <Table.Th scope="row">{names.name(s)}</Table.Th>
                  {m.paragraphs.map((p) => {
                    const c = cell.get(`${s}/${p.id}`);
                    return (
                      <Table.Td key={p.id} title={c?.reason || undefined}>
                        {c ? (
                          <Badge size="sm" variant="light" color={STANCE_COLOURS[c.stance]}>
                            {t(`consensus.stance.${c.stance}`)}
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed">
                            {t('consensus.stance.not_stated')}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
