import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Loader,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../app/api';
import { DownloadIcon } from '../app/icons';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { CriteriaEditor } from './CriteriaEditor';
import { KeyResultView } from './KeyResultView';
import { type KeyDefinition, type KeyView, keyQuery, useComputed, useCountryNames, useSaveKey } from './queries';
import { StatesEditor } from './StatesEditor';

/** The server's reasons, field by field, so that a person sees what to correct in the tables. */
function ComputeProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiProblem)) return <ProblemAlert error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" title={t('solidarity.key.cannotCompute')}>
      {error.errors.length > 0 ? (
        <List size="sm">
          {error.errors.slice(0, 8).map((e) => (
            <List.Item key={e.pointer}>{e.message}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">{error.detail}</Text>
      )}
    </Alert>
  );
}

function SavePanel({ view, definition }: { view: KeyView; definition: KeyDefinition }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveKey();
  const [name, setName] = useState(view.source === 'preset' ? t('solidarity.key.copyName', { name: view.name }) : view.name);
  const [note, setNote] = useState('');
  if (view.actions.length === 0) return null;
  const saveAs = () =>
    save.mutate(
      { name, note, basedOn: view.source === 'preset' ? view.id : view.basedOn, definition },
      { onSuccess: (saved) => navigate({ to: '/solidarity/keys/$key', params: { key: saved.id } }) },
    );
  const newVersion = () => save.mutate({ id: view.id, name, note, definition }, { onSuccess: () => setNote('') });
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('solidarity.key.save')}
      </Title>
      <ProblemAlert error={save.error} />
      <Group align="flex-end">
        <TextInput label={t('solidarity.key.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={360} />
        <TextInput label={t('solidarity.key.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={280} />
        {view.actions.includes('new_version') ? (
          <Button onClick={newVersion} loading={save.isPending}>
            {t('solidarity.key.saveVersion')}
          </Button>
        ) : null}
        <Button
          variant={view.actions.includes('new_version') ? 'default' : 'filled'}
          onClick={saveAs}
          loading={save.isPending}
          disabled={!name.trim()}
        >
          {t('solidarity.key.saveAs')}
        </Button>
      </Group>
      {save.isSuccess ? (
        <Text size="sm" role="status">
          {t('solidarity.key.saved', { version: save.data.version })}
        </Text>
      ) : null}
    </Stack>
  );
}

function Editor({ view }: { view: KeyView }) {
  const { t } = useTranslation();
  const { name } = useCountryNames();
  const navigate = useNavigate();
  const [definition, setDefinition] = useState<KeyDefinition>(view.definition);
  useEffect(() => setDefinition(view.definition), [view]);
  const [settled] = useDebouncedValue(definition, 250);
  const computed = useComputed(settled);
  const result = computed.data ?? view.result;
  const exportBase = `/api/solidarity/keys/${view.id}/export`;
  const versionQuery = view.source === 'saved' ? `?version=${view.version}` : '';

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{view.name}</Title>
        <Text c="dimmed" mt={4}>
          {view.description}
        </Text>
      </div>
      {view.notes.length > 0 ? (
        <Alert variant="light" color="blue" title={t('solidarity.key.aboutData')}>
          <List size="sm">
            {view.notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {view.sources.length > 0 ? (
        <div data-testid="key-sources">
          <Text fw={600} size="sm">
            {t('solidarity.key.sources')}
          </Text>
          <List size="sm">
            {view.sources.map((source) => (
              <List.Item key={source}>{source}</List.Item>
            ))}
          </List>
        </div>
      ) : null}
      <Group>
        {view.versions.length > 1 ? (
          <NativeSelect
            label={t('solidarity.key.version')}
            value={String(view.version)}
            onChange={(e) =>
              navigate({
                to: '/solidarity/keys/$key',
                params: { key: view.id },
                search: { version: Number(e.currentTarget.value) },
              })
            }
            data={view.versions.map((v) => ({
              value: String(v.version),
              label: `${v.version} — ${v.note || v.createdAt.slice(0, 10)}`,
            }))}
          />
        ) : null}
        <Button component="a" href={`${exportBase}.csv${versionQuery}`} download variant="default" leftSection={<DownloadIcon />}>
          CSV
        </Button>
        <Button
          component="a"
          href={`${exportBase}.xlsx${versionQuery}`}
          download
          variant="default"
          leftSection={<DownloadIcon />}
        >
          XLSX
        </Button>
        <Anchor component={Link} to="/solidarity/compare">
          {t('solidarity.compare.link')}
        </Anchor>
      </Group>
      <Title order={2} size="h3">
        {t('solidarity.key.criteria')}
      </Title>
      <CriteriaEditor definition={definition} onChange={setDefinition} />
      <NumberInput
        label={t('solidarity.key.total')}
        description={t('solidarity.key.totalHint')}
        value={definition.total}
        min={0}
        allowDecimal={false}
        thousandSeparator=" "
        w={240}
        onChange={(value) => setDefinition({ ...definition, total: typeof value === 'number' ? value : 0 })}
      />
      <MultiSelect
        label={t('solidarity.key.beneficiaries')}
        description={t('solidarity.key.beneficiariesHint')}
        placeholder={definition.beneficiaries?.length ? undefined : t('solidarity.key.noBeneficiaries')}
        data={definition.states.map((s) => ({ value: s.iso2, label: name(s.iso2) }))}
        value={definition.beneficiaries ?? []}
        onChange={(beneficiaries) => setDefinition({ ...definition, beneficiaries })}
        searchable
        clearable
        maw={640}
        data-testid="key-beneficiaries"
      />
      <Title order={2} size="h3">
        {t('solidarity.key.shares')}
      </Title>
      <div aria-live="polite">{computed.isError ? <ComputeProblem error={computed.error} /> : null}</div>
      {computed.isFetching ? <Loader size="xs" aria-label={t('solidarity.key.recomputing')} /> : null}
      <KeyResultView definition={computed.isError ? view.definition : settled} result={computed.isError ? view.result : result} />
      <Title order={2} size="h3">
        {t('solidarity.key.data')}
      </Title>
      <StatesEditor
        definition={definition}
        onChange={(next) =>
          // A State taken out of the group is no longer one of its beneficiaries.
          setDefinition({
            ...next,
            ...(next.beneficiaries
              ? { beneficiaries: next.beneficiaries.filter((b) => next.states.some((s) => s.iso2 === b)) }
              : {}),
          })
        }
      />
      <SavePanel view={view} definition={definition} />
    </Stack>
  );
}

/** A distribution key: edit weights, caps and data, see the shares move, save as a new key or version. */
export function KeyEditorPage() {
  const { t } = useTranslation();
  const { key } = useParams({ strict: false }) as { key: string };
  const search = useSearch({ strict: false }) as { version?: unknown };
  const version = typeof search.version === 'number' ? search.version : undefined;
  const view = useQuery(keyQuery(key, version));
  usePageTitle(view.data?.name ?? t('solidarity.nav.keys'));
  if (view.isPending) return <Loader aria-label={t('app.loading')} />;
  if (view.isError) return <ProblemAlert error={view.error} />;
  return <Editor view={view.data} />;
}
