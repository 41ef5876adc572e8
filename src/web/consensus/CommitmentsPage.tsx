import { Anchor, Button, Group, NumberInput, Paper, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentView } from '../../server/consensus/schemas';
import { api } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';

const KEY = ['consensus', 'commitments'];

/** Adds a document to the register, or corrects one (`entry`). */
function CommitmentForm({ entry, onDone }: { entry?: CommitmentView; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [symbol, setSymbol] = useState(entry?.symbol ?? '');
  const [title, setTitle] = useState(entry?.title ?? '');
  const [year, setYear] = useState<number | string>(entry?.year ?? '');
  const [place, setPlace] = useState(entry?.place ?? '');
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const body = { symbol: symbol.trim() || null, title, year: Number(year), place: place.trim() || null };
      return entry
        ? api.put<CommitmentView>(`/consensus/commitments/${entry.id}`, body)
        : api.post<CommitmentView>('/consensus/commitments', body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['consensus'] });
      onDone();
    },
  });
  const missing = { '/title': title.trim() === '', '/year': year === '' };
  const errorOf = useFieldErrors(save.error, tried ? missing : {});
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!anyMissing(missing)) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2}>
            {entry ? t('consensus.register.editTitle', { title: entry.title }) : t('consensus.register.add')}
          </Title>
          <TextInput
            label={t('consensus.register.documentTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errorOf('/title')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('consensus.register.symbol')}
              description={t('consensus.register.symbolHint')}
              value={symbol}
              onChange={(e) => setSymbol(e.currentTarget.value)}
              error={errorOf('/symbol')}
            />
            <NumberInput
              label={t('consensus.register.year')}
              value={year}
              onChange={setYear}
              min={1975}
              max={2100}
              error={errorOf('/year')}
            />
            <TextInput
              label={t('consensus.register.place')}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
              error={errorOf('/place')}
            />
          </Group>
          <ProblemAlert error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {entry ? t('consensus.register.saveEdit') : t('consensus.register.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The register of commitments a draft recalls; the Secretariat adds and corrects entries. */
export function CommitmentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('consensus.register.title'));
  const list = useQuery({ queryKey: KEY, queryFn: () => api.get<CommitmentView[]>('/consensus/commitments') });
  const canKeep = useCan('consensus.register');
  const [editing, setEditing] = useState<string | null>(null);
  const items = list.data ?? [];
  const entry = items.find((c) => c.id === editing);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/consensus">
        {t('consensus.register.back')}
      </Anchor>
      <Title order={1}>{t('consensus.register.title')}</Title>
      <ProblemAlert error={list.error} />
      {canKeep && editing === null ? (
        <Button w="fit-content" onClick={() => setEditing('new')}>
          {t('consensus.register.add')}
        </Button>
      ) : null}
      {canKeep && editing === 'new' ? <CommitmentForm onDone={() => setEditing(null)} /> : null}
      {canKeep && entry ? <CommitmentForm key={entry.id} entry={entry} onDone={() => setEditing(null)} /> : null}
      {list.data && items.length === 0 ? <EmptyState message={t('consensus.register.empty')} /> : null}
      {items.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consensus.register.documentTitle')}</Table.Th>
              <Table.Th>{t('consensus.register.symbol')}</Table.Th>
              <Table.Th>{t('consensus.register.year')}</Table.Th>
              <Table.Th>{t('consensus.register.place')}</Table.Th>
              {canKeep ? <Table.Th>{t('consensus.register.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id} data-testid="commitment">
                <Table.Td>{c.title}</Table.Td>
                <Table.Td>{c.symbol ?? '—'}</Table.Td>
                <Table.Td>{c.year}</Table.Td>
                <Table.Td>{c.place ?? '—'}</Table.Td>
                {canKeep ? (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={t('consensus.register.editTitle', { title: c.title })}
                      onClick={() => setEditing(c.id)}
                    >
                      {t('consensus.register.edit')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
