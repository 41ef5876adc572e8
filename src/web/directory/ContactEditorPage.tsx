import { Button, Checkbox, Group, Loader, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { fieldErrorWithin, linesOf } from '../app/field-errors';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { useCan, useSession } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { CompetencesPicker, CountriesPicker, KeyAreasPicker, LanguagesPicker } from '../reference/pickers';
import { useApiLanguage } from '../reference/queries';
import { OrganisationPicker } from './OrganisationPicker';
import { type ContactView, contactQuery, VISIBILITIES } from './queries';

interface Form {
  organisationId: string;
  name: string;
  title: string;
  emails: string;
  phones: string;
  languages: string[];
  keyAreas: string[];
  competences: string[];
  topics: string;
  countries: string[];
  visibility: string;
  fallback: boolean;
}

const empty: Form = {
  organisationId: '',
  name: '',
  title: '',
  emails: '',
  phones: '',
  languages: [],
  keyAreas: [],
  competences: [],
  topics: '',
  countries: [],
  visibility: 'signed_in',
  fallback: false,
};

function formOf(c: ContactView): Form {
  return {
    organisationId: c.organisation.id,
    name: c.name,
    title: c.title ?? '',
    emails: c.emails.join('\n'),
    phones: c.phones.join('\n'),
    languages: c.languages,
    keyAreas: c.keyAreas,
    competences: c.competences,
    topics: c.topics.join('\n'),
    countries: c.countries,
    visibility: c.visibility,
    fallback: c.fallback,
  };
}

/** Adds or changes a contact: who they are, how to reach them, what and where they cover, who may see them. */
export function ContactEditorPage() {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const canManage = useCan('directory.manage');
  const { id } = useParams({ strict: false }) as { id?: string };
  const search = useSearch({ strict: false }) as { organisationId?: string };
  const existing = useQuery({ ...contactQuery(lang, id ?? ''), enabled: Boolean(id) });
  const ownOrganisation = session?.grants.find((g) => g.organisationId)?.organisationId ?? '';
  const [form, setForm] = useState<Form>({ ...empty, organisationId: search.organisationId ?? ownOrganisation });
  useEffect(() => {
    if (existing.data) setForm(formOf(existing.data));
  }, [existing.data]);
  const heading = id ? t('directory.contactEditor.edit') : t('directory.contactEditor.add');
  usePageTitle(heading);

  const save = useMutation({
    mutationFn: () => {
      const body = {
        organisationId: form.organisationId,
        name: form.name.trim(),
        title: form.title.trim() || null,
        emails: linesOf(form.emails),
        phones: linesOf(form.phones),
        languages: form.languages,
        keyAreas: form.keyAreas,
        competences: form.competences,
        topics: linesOf(form.topics),
        countries: form.countries,
        visibility: form.visibility,
        ...(canManage ? { fallback: form.fallback } : {}),
      };
      return id ? api.patch<ContactView>(`/directory/contacts/${id}`, body) : api.post<ContactView>('/directory/contacts', body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      await navigate({ to: '/directory/contacts/$id', params: { id: saved.id } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  if (id && existing.isPending) return <Loader aria-label={t('directory.loading')} />;
  if (existing.error) return <ProblemAlert error={existing.error} />;
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });

  return (
    <Stack gap="md" maw={820} component="form" onSubmit={submit} aria-label={heading}>
      <Title order={1}>{heading}</Title>
      <Text c="dimmed">{t('directory.contactEditor.intro')}</Text>
      <OrganisationPicker
        label={t('directory.activity.organisation')}
        placeholder={t('directory.activity.chooseOrganisation')}
        required
        value={form.organisationId}
        onChange={(organisationId) => set({ organisationId })}
        error={fieldError(save.error, '/organisationId')}
      />
      <TextInput
        label={t('directory.contactEditor.name')}
        required
        value={form.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        error={fieldError(save.error, '/name')}
      />
      <TextInput
        label={t('directory.contactEditor.function')}
        value={form.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={fieldError(save.error, '/title')}
      />
      <Group grow align="flex-start">
        <Textarea
          label={t('directory.contactEditor.emails')}
          description={t('directory.contactEditor.onePerLine')}
          value={form.emails}
          onChange={(e) => set({ emails: e.currentTarget.value })}
          autosize
          minRows={2}
          error={fieldErrorWithin(save.error, '/emails')}
        />
        <Textarea
          label={t('directory.contactEditor.phones')}
          description={t('directory.contactEditor.onePerLine')}
          value={form.phones}
          onChange={(e) => set({ phones: e.currentTarget.value })}
          autosize
          minRows={2}
          error={fieldErrorWithin(save.error, '/phones')}
        />
      </Group>
      <CountriesPicker
        label={t('directory.contact.countries')}
        value={form.countries}
        onChange={(countries) => set({ countries })}
        error={fieldErrorWithin(save.error, '/countries')}
      />
      <KeyAreasPicker
        label={t('directory.contact.keyAreas')}
        value={form.keyAreas}
        onChange={(keyAreas) => set({ keyAreas })}
        error={fieldErrorWithin(save.error, '/keyAreas')}
      />
      <CompetencesPicker
        label={t('directory.contact.competences')}
        value={form.competences}
        onChange={(competences) => set({ competences })}
        error={fieldErrorWithin(save.error, '/competences')}
      />
      <LanguagesPicker
        label={t('directory.contact.languages')}
        value={form.languages}
        onChange={(languages) => set({ languages })}
        error={fieldErrorWithin(save.error, '/languages')}
      />
      <Textarea
        label={t('directory.contact.topics')}
        description={t('directory.contactEditor.onePerLine')}
        value={form.topics}
        onChange={(e) => set({ topics: e.currentTarget.value })}
        autosize
        minRows={2}
        error={fieldErrorWithin(save.error, '/topics')}
      />
      <NativeSelect
        label={t('directory.visibility.label')}
        value={form.visibility}
        onChange={(e) => set({ visibility: e.currentTarget.value })}
        data={VISIBILITIES.map((v) => ({ value: v, label: t(`directory.visibility.${v}`) }))}
        error={fieldError(save.error, '/visibility')}
      />
      {canManage ? (
        <Checkbox
          label={t('directory.contactEditor.fallback')}
          checked={form.fallback}
          onChange={(e) => set({ fallback: e.currentTarget.checked })}
          error={fieldError(save.error, '/fallback')}
        />
      ) : null}
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t('directory.save')}
        </Button>
      </Group>
    </Stack>
  );
}
