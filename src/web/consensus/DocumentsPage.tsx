import { Anchor, Badge, Button, Group, NumberInput, Paper, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { type DocumentView, documentsQuery, STAGE_COLOURS } from './queries';

const BODIES = ['working_group', 'permanent_council', 'ministerial_council'] as const;
const STAGES = ['drafting', 'silence', 'adopted', 'withdrawn'] as const;

/** Drafts and decisions by body and stage; the chair opens new drafts. */
export function DocumentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('consensus.list.title'));
  const [body, setBody] = useState<string | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const list = useQuery(documentsQuery({ body: body ?? undefined, stage: stage ?? undefined, offset }));
  const canDraft = useCan('consensus.draft');
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('consensus.list.title')}</Title>
        <Anchor component={Link} to="/consensus/commitments">
          {t('consensus.register.title')}
        </Anchor>
      </Group>
      <ProblemAlert error={list.error} />
      {canDraft ? <NewDraft /> : null}
      <Group>
        <Select
          label={t('consensus.fields.body')}
          clearable
          data={BODIES.map((b) => ({ value: b, label: t(`consensus.body.${b}`) }))}
          value={body}
          onChange={(v) => {
            setBody(v);
            setOffset(0);
          }}
        />
        <Select
          label={t('consensus.fields.stage')}
          clearable
          data={STAGES.map((s) => ({ value: s, label: t(`consensus.stage.${s}`) }))}
          value={stage}
          onChange={(v) => {
            setStage(v);
            setOffset(0);
          }}
        />
      </Group>
      {list.data && items.length === 0 ? <EmptyState message={t('consensus.list.empty')} /> : null}
      {items.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consensus.fields.symbol')}</Table.Th>
              <Table.Th>{t('consensus.fields.title')}</Table.Th>
              <Table.Th>{t('consensus.fields.body')}</Table.Th>
              <Table.Th>{t('consensus.fields.stage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/consensus/${d.id}`}>
                    {d.decisionSymbol ?? d.symbol}
                  </Anchor>
                </Table.Td>
                <Table.Td>{d.title}</Table.Td>
                <Table.Td>{t(`consensus.body.${d.body}`)}</Table.Td>
                <Table.Td>
                  <Badge color={STAGE_COLOURS[d.stage]}>{t(`consensus.stage.${d.stage}`)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {list.data ? (
        <Pager
          total={list.data.total}
          limit={list.data.limit}
          offset={offset}
          onChange={setOffset}
          label={t('consensus.list.title')}
        />
      ) : null}
    </Stack>
  );
}

function NewDraft() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [council, setCouncil] = useState<string | null>('MC');
  const [number, setNumber] = useState<number | string>('');
  const [year, setYear] = useState<number | string>(new Date().getFullYear() % 100);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState<string | null>('working_group');
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      api.post<DocumentView>('/consensus/documents', { council, number: Number(number), year: Number(year), title, body }),
    onSuccess: (doc) => {
      void client.invalidateQueries({ queryKey: ['consensus'] });
      void navigate({ to: '/consensus/$id', params: { id: doc.id } });
    },
  });
  const missing: Record<string, boolean> = { '/number': number === '', '/title': title.trim() === '' };
  const errorOf = useFieldErrors(create.error, tried ? missing : {});
  if (!open) {
    return (
      <Button w="fit-content" onClick={() => setOpen(true)}>
        {t('consensus.create.open')}
      </Button>
    );
  }
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!anyMissing(missing)) create.mutate();
        }}
      >
        <Stack gap="sm">
          <Group grow>
            <Select
              label={t('consensus.fields.council')}
              data={['MC', 'PC'].map((c) => ({ value: c, label: t(`consensus.council.${c}`) }))}
              value={council}
              onChange={setCouncil}
              allowDeselect={false}
            />
            <NumberInput
              label={t('consensus.fields.number')}
              value={number}
              onChange={setNumber}
              min={1}
              max={999}
              error={errorOf('/number')}
            />
            <NumberInput
              label={t('consensus.fields.year')}
              value={year}
              onChange={setYear}
              min={0}
              max={99}
              error={errorOf('/year')}
            />
          </Group>
          <TextInput
            label={t('consensus.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errorOf('/title')}
          />
          <Select
            label={t('consensus.fields.body')}
            data={BODIES.map((b) => ({ value: b, label: t(`consensus.body.${b}`) }))}
            value={body}
            onChange={setBody}
            allowDeselect={false}
          />
          <ProblemAlert error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('consensus.create.save')}
            </Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
