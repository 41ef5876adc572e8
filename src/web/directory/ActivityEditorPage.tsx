import {
  Button,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { useSession } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { useApiLanguage } from '../reference/queries';
import { OrganisationPicker } from './OrganisationPicker';
import {
  type ActivityView,
  activityQuery,
  contactsQuery,
  DIMENSIONS,
  KEY_AREAS,
  STATUSES,
  TARGET_GROUPS,
  useCountries,
  VISIBILITIES,
} from './queries';

interface Form {
  organisationId: string;
  title: string;
  description: string;
  keyAreas: string[];
  dimension: string;
  countries: string[];
  place: string;
  startDate: string;
  endDate: string;
  status: string;
  targetGroups: string[];
  contactId: string;
  visibility: string;
}

const empty: Form = {
  organisationId: '',
  title: '',
  description: '',
  keyAreas: [],
  dimension: '',
  countries: [],
  place: '',
  startDate: '',
  endDate: '',
  status: 'planned',
  targetGroups: [],
  contactId: '',
  visibility: 'public',
};

function formOf(a: ActivityView): Form {
  return {
    organisationId: a.organisation.id,
    title: a.title,
    description: a.description ?? '',
    keyAreas: a.keyAreas,
    dimension: a.dimension ?? '',
    countries: a.countries,
    place: a.place ?? '',
    startDate: a.startDate ?? '',
    endDate: a.endDate ?? '',
    status: a.status,
    targetGroups: a.targetGroups,
    contactId: a.contact?.id ?? '',
    visibility: a.visibility,
  };
}

/** Adds or changes an activity: who does what, where, when, for whom, and whom to ask about it. */
export function ActivityEditorPage() {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const { id } = useParams({ strict: false }) as { id?: string };
  const search = useSearch({ strict: false }) as { organisationId?: string };
  const existing = useQuery({ ...activityQuery(lang, id ?? ''), enabled: Boolean(id) });
  const countries = useCountries();
  const ownOrganisation = session?.grants.find((g) => g.organisationId)?.organisationId ?? '';
  const [form, setForm] = useState<Form>({ ...empty, organisationId: search.organisationId ?? ownOrganisation });
  useEffect(() => {
    if (existing.data) setForm(formOf(existing.data));
  }, [existing.data]);
  const contacts = useQuery({
    ...contactsQuery(lang, { organisationId: form.organisationId, limit: 200 }),
    enabled: Boolean(form.organisationId),
  });
  usePageTitle(id ? t('directory.activity.edit') : t('directory.activity.add'));

  const save = useMutation({
    mutationFn: () => {
      const body = {
        organisationId: form.organisationId,
        title: form.title.trim(),
        description: form.description.trim() || null,
        keyAreas: form.keyAreas,
        dimension: form.dimension || null,
        countries: form.countries,
        place: form.place.trim() || null,
        startDate: form.startDate || null,
        endDate: form.endDate || null,
        status: form.status,
        targetGroups: form.targetGroups,
        contactId: form.contactId || null,
        visibility: form.visibility,
      };
      return id
        ? api.patch<ActivityView>(`/directory/activities/${id}`, body)
        : api.post<ActivityView>('/directory/activities', body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      await navigate({ to: '/directory/organisations/$id', params: { id: saved.organisation.id } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  if (id && existing.isPending) return <Loader aria-label={t('directory.loading')} />;
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });

  return (
    <Stack gap="md" maw={820} component="form" onSubmit={submit}>
      <Title order={1}>{id ? t('directory.activity.edit') : t('directory.activity.add')}</Title>
      <Text c="dimmed">{t('directory.activity.intro')}</Text>
      <OrganisationPicker
        label={t('directory.activity.organisation')}
        placeholder={t('directory.activity.chooseOrganisation')}
        required
        value={form.organisationId}
        onChange={(organisationId) => set({ organisationId, contactId: '' })}
        error={fieldError(save.error, '/organisationId')}
      />
      <TextInput
        label={t('directory.activity.title')}
        required
        value={form.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={fieldError(save.error, '/title')}
      />
      <Textarea
        label={t('directory.activity.description')}
        value={form.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        autosize
        minRows={3}
      />
      <Checkbox.Group label={t('directory.activity.keyAreas')} value={form.keyAreas} onChange={(keyAreas) => set({ keyAreas })}>
        <Stack gap={4} mt={4}>
          {KEY_AREAS.map((k) => (
            <Checkbox key={k} value={k} label={t(`directory.keyArea.${k}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <NativeSelect
        label={t('directory.activity.dimension')}
        value={form.dimension}
        onChange={(e) => set({ dimension: e.currentTarget.value })}
        data={[{ value: '', label: '—' }, ...DIMENSIONS.map((d) => ({ value: d, label: t(`directory.dimension.${d}`) }))]}
      />
      <MultiSelect
        label={t('directory.activity.countries')}
        required
        searchable
        value={form.countries}
        onChange={(values) => set({ countries: values })}
        data={countries.list.map((c) => ({ value: c.iso2, label: c.name }))}
        error={fieldError(save.error, '/countries')}
      />
      <TextInput
        label={t('directory.activity.place')}
        value={form.place}
        onChange={(e) => set({ place: e.currentTarget.value })}
      />
      <Group grow>
        <TextInput
          type="date"
          label={t('directory.activity.start')}
          value={form.startDate}
          onChange={(e) => set({ startDate: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('directory.activity.end')}
          value={form.endDate}
          onChange={(e) => set({ endDate: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('directory.activity.status')}
          value={form.status}
          onChange={(e) => set({ status: e.currentTarget.value })}
          data={STATUSES.map((s) => ({ value: s, label: t(`directory.status.${s}`) }))}
        />
      </Group>
      <Checkbox.Group
        label={t('directory.activity.targetGroups')}
        value={form.targetGroups}
        onChange={(targetGroups) => set({ targetGroups })}
      >
        <Group gap="md" mt={4}>
          {TARGET_GROUPS.map((g) => (
            <Checkbox key={g} value={g} label={t(`directory.target.${g}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <NativeSelect
        label={t('directory.activity.contact')}
        value={form.contactId}
        onChange={(e) => set({ contactId: e.currentTarget.value })}
        data={[
          { value: '', label: '—' },
          ...(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} (${c.title})` : c.name })),
        ]}
      />
      <NativeSelect
        label={t('directory.visibility.label')}
        value={form.visibility}
        onChange={(e) => set({ visibility: e.currentTarget.value })}
        data={VISIBILITIES.map((v) => ({ value: v, label: t(`directory.visibility.${v}`) }))}
      />
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t('directory.save')}
        </Button>
      </Group>
    </Stack>
  );
}
