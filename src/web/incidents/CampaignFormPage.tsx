import { Anchor, Button, Group, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignBody } from '../../server/incidents/campaigns/schemas.js';
import { api, queryString } from '../app/api';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { CountriesPicker } from '../reference/pickers';
import { useApiLanguage } from '../reference/queries';
import { AUDIENCES, type CampaignView, campaignQuery } from './rhetoric-queries';

interface Named {
  id: string;
  name: string;
}

const EMPTY = {
  title: '',
  description: '',
  organiser: null as Named | null,
  countries: [] as string[],
  audiences: [] as string[],
  startsOn: '',
  endsOn: '',
  reachCount: '' as number | string,
  reachDescription: '',
  materials: [] as Named[],
};

/** A searchable picker over a list found as the person types; what is chosen stays among the options. */
function useFound(kind: 'organisations' | 'materials', search: string, lang: string) {
  const [debounced] = useDebouncedValue(search, 250);
  return useQuery({
    queryKey: ['incidents', 'campaign-picker', kind, lang, debounced],
    queryFn: async (): Promise<Named[]> => {
      if (kind === 'organisations') {
        const page = await api.get<{ items: Named[] }>(
          `/directory/organisations${queryString({ q: debounced, lang, limit: 20 })}`,
        );
        return page.items.map((o) => ({ id: o.id, name: o.name }));
      }
      const found = await api.get<{ items: Array<{ document: { id: string; title: string; access: string } }> }>(
        `/library/search${queryString({ q: debounced, limit: 20 })}`,
      );
      // Campaign materials are for everyone: only public documents may be chosen.
      return found.items
        .filter((i) => i.document.access === 'public')
        .map((i) => ({ id: i.document.id, name: i.document.title }));
    },
    enabled: kind === 'materials' || debounced.trim().length >= 2,
  });
}

const merge = (chosen: Named[], found: Named[] | undefined) => {
  const all = new Map([...chosen, ...(found ?? [])].map((n) => [n.id, n.name]));
  return [...all].map(([value, label]) => ({ value, label }));
};

/** Records a campaign or changes one: organiser, countries, audiences, dates, reach and materials. */
export function CampaignFormPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id?: string };
  usePageTitle(t(id ? 'incidents.campaigns.editTitle' : 'incidents.campaigns.newTitle'));
  const lang = useApiLanguage();
  const client = useQueryClient();
  const navigate = useNavigate();
  const existing = useQuery({ ...campaignQuery(id ?? '', lang), enabled: !!id });
  const [form, setForm] = useState(EMPTY);
  const [tried, setTried] = useState(false);
  const [organiserSearch, setOrganiserSearch] = useState('');
  const [materialSearch, setMaterialSearch] = useState('');
  const organisations = useFound('organisations', organiserSearch, lang);
  const materials = useFound('materials', materialSearch, lang);
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));
  useEffect(() => {
    const c = existing.data;
    if (!c) return;
    setForm({
      title: c.title,
      description: c.description,
      organiser: c.organiser,
      countries: c.countries,
      audiences: c.audiences,
      startsOn: c.startsOn,
      endsOn: c.endsOn ?? '',
      reachCount: c.reach.count ?? '',
      reachDescription: c.reach.description,
      materials: c.materials.map((m) => ({ id: m.id, name: m.title })),
    });
  }, [existing.data]);
  const save = useMutation({
    mutationFn: () => {
      const body: CampaignBody = {
        title: form.title,
        description: form.description,
        organiserId: form.organiser?.id ?? '',
        countries: form.countries,
        audiences: form.audiences as CampaignBody['audiences'],
        startsOn: form.startsOn,
        endsOn: form.endsOn || null,
        reachCount: typeof form.reachCount === 'number' ? form.reachCount : null,
        reachDescription: form.reachDescription,
        materialIds: form.materials.map((m) => m.id),
      };
      return id
        ? api.put<CampaignView>(`/incidents/campaigns/${id}`, body)
        : api.post<CampaignView>('/incidents/campaigns', body);
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['incidents', 'campaigns'] });
      await client.invalidateQueries({ queryKey: ['incidents', 'campaign', saved.id] });
      await navigate({ to: '/incidents/campaigns', search: { country: saved.countries[0] } as never });
    },
  });
  const missing = {
    '/title': form.title.trim() === '',
    '/organiserId': !form.organiser,
    '/countries': form.countries.length === 0,
    '/startsOn': form.startsOn === '',
  };
  const errorOf = useFieldErrors(save.error, tried ? missing : {});
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/incidents/campaigns">
        {t('incidents.campaigns.title')}
      </Anchor>
      <Title order={1}>{t(id ? 'incidents.campaigns.editTitle' : 'incidents.campaigns.newTitle')}</Title>
      <ProblemAlert error={existing.error} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!anyMissing(missing)) save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('incidents.campaigns.fields.title')}
            required
            value={form.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errorOf('/title')}
          />
          <Select
            label={t('incidents.campaigns.fields.organiser')}
            description={t('incidents.campaigns.fields.organiserHelp')}
            required
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            data={merge(form.organiser ? [form.organiser] : [], organisations.data)}
            value={form.organiser?.id ?? null}
            searchValue={organiserSearch}
            onSearchChange={setOrganiserSearch}
            onChange={(value, option) => set({ organiser: value && option ? { id: value, name: option.label } : null })}
            filter={({ options }) => options}
            error={errorOf('/organiserId')}
          />
          <CountriesPicker
            label={t('incidents.campaigns.fields.countries')}
            required
            value={form.countries}
            onChange={(countries) => set({ countries })}
            error={errorOf('/countries')}
          />
          <MultiSelect
            label={t('incidents.campaigns.fields.audiences')}
            data={AUDIENCES.map((a) => ({ value: a, label: t(`incidents.campaigns.audience.${a}`) }))}
            value={form.audiences}
            onChange={(audiences) => set({ audiences })}
            error={errorOf('/audiences')}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('incidents.campaigns.fields.startsOn')}
              required
              value={form.startsOn}
              onChange={(e) => set({ startsOn: e.currentTarget.value })}
              error={errorOf('/startsOn')}
            />
            <TextInput
              type="date"
              label={t('incidents.campaigns.fields.endsOn')}
              value={form.endsOn}
              onChange={(e) => set({ endsOn: e.currentTarget.value })}
              error={errorOf('/endsOn')}
            />
          </Group>
          <Textarea
            label={t('incidents.campaigns.fields.description')}
            autosize
            minRows={3}
            value={form.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={errorOf('/description')}
          />
          <Group grow align="start">
            <NumberInput
              label={t('incidents.campaigns.fields.reachCount')}
              min={0}
              allowDecimal={false}
              value={form.reachCount}
              onChange={(reachCount) => set({ reachCount })}
              error={errorOf('/reachCount')}
            />
            <TextInput
              label={t('incidents.campaigns.fields.reachDescription')}
              value={form.reachDescription}
              onChange={(e) => set({ reachDescription: e.currentTarget.value })}
              error={errorOf('/reachDescription')}
            />
          </Group>
          <MultiSelect
            label={t('incidents.campaigns.materials')}
            description={t('incidents.campaigns.fields.materialsHelp')}
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            data={merge(form.materials, materials.data)}
            value={form.materials.map((m) => m.id)}
            searchValue={materialSearch}
            onSearchChange={setMaterialSearch}
            onChange={(ids) => {
              const names = new Map(merge(form.materials, materials.data).map((o) => [o.value, o.label]));
              set({ materials: ids.map((value) => ({ id: value, name: names.get(value) ?? value })) });
            }}
            filter={({ options }) => options}
            error={errorOf('/materialIds')}
          />
          <ProblemAlert error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('incidents.campaigns.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
