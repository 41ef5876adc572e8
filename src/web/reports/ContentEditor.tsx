import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CountryPicker } from '../reference/pickers';
import {
  DIMENSIONS,
  type DraftRecommendation,
  KEY_AREAS,
  LEVELS,
  PRIORITIES,
  type ReportContent,
  structureLabel,
  structuresQuery,
} from './queries';
import { RichText } from './RichText';

interface Props {
  content: ReportContent;
  onChange: (content: ReportContent) => void;
}

const EMPTY_RECOMMENDATION: DraftRecommendation = {
  text: '',
  addresseeCountry: null,
  addresseeOrganisationId: null,
  keyArea: 'protection',
  dimension: 'human',
  priority: 'medium',
  dueOn: null,
};

/** Every section of a report as fields: situation, findings, security implications, alert and recommendations. */
export function ContentEditor({ content, onChange }: Props) {
  const { t } = useTranslation();
  const structures = useQuery(structuresQuery);
  const set = (patch: Partial<ReportContent>) => onChange({ ...content, ...patch });
  const setRecommendation = (index: number, patch: Partial<DraftRecommendation>) =>
    set({ recommendations: content.recommendations.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  return (
    <Stack gap="md">
      <Title order={3}>{t('reports.section.situation')}</Title>
      <RichText label={t('reports.section.situation')} value={content.situation} onChange={(situation) => set({ situation })} />
      <Title order={3}>{t('reports.section.findings')}</Title>
      {DIMENSIONS.map((d) => (
        <RichText
          key={d}
          label={t(`reports.dimension.${d}`)}
          value={content.findings[d]}
          onChange={(html) => set({ findings: { ...content.findings, [d]: html } })}
        />
      ))}
      {KEY_AREAS.map((k) => (
        <RichText
          key={k}
          label={t(`reports.keyArea.${k}`)}
          value={content.keyAreaFindings[k]}
          onChange={(html) => set({ keyAreaFindings: { ...content.keyAreaFindings, [k]: html } })}
        />
      ))}
      <Title order={3}>{t('reports.section.security')}</Title>
      <RichText
        label={t('reports.section.security')}
        value={content.securityImplications}
        onChange={(securityImplications) => set({ securityImplications })}
      />
      <Title order={3}>{t('reports.section.alert')}</Title>
      <NativeSelect
        label={t('reports.alert.level')}
        value={content.alert.level ?? ''}
        data={[
          { value: '', label: t('reports.alert.none') },
          ...LEVELS.map((l) => ({ value: l, label: t(`reports.level.${l}`) })),
        ]}
        onChange={(e) =>
          set({ alert: { ...content.alert, level: (e.currentTarget.value || null) as ReportContent['alert']['level'] } })
        }
      />
      <RichText
        label={t('reports.alert.rationale')}
        value={content.alert.rationale}
        onChange={(rationale) => set({ alert: { ...content.alert, rationale } })}
      />
      <Textarea
        label={t('reports.alert.indicators')}
        description={t('reports.alert.indicatorsHelp')}
        autosize
        minRows={2}
        value={content.alert.indicators.join('\n')}
        onChange={(e) => set({ alert: { ...content.alert, indicators: e.currentTarget.value.split('\n') } })}
      />
      <Title order={3}>{t('reports.section.recommendations')}</Title>
      {content.recommendations.length === 0 ? <Text c="dimmed">{t('reports.recommendation.none')}</Text> : null}
      {content.recommendations.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: recommendations are edited in place and have no identity before adoption
        <Paper key={i} withBorder p="sm">
          <Stack gap="xs">
            <Textarea
              label={t('reports.recommendation.text', { n: i + 1 })}
              autosize
              minRows={2}
              value={r.text}
              onChange={(e) => setRecommendation(i, { text: e.currentTarget.value })}
            />
            <Group grow align="flex-end">
              <CountryPicker
                label={t('reports.recommendation.country')}
                description={t('reports.recommendation.countryHelp')}
                value={r.addresseeCountry}
                onChange={(addresseeCountry) => setRecommendation(i, { addresseeCountry })}
              />
              <NativeSelect
                label={t('reports.recommendation.organisation')}
                description={t('reports.recommendation.organisationHelp')}
                value={r.addresseeOrganisationId ?? ''}
                data={[
                  { value: '', label: '—' },
                  ...(structures.data ?? []).map((s) => ({ value: s.id, label: structureLabel(s) })),
                ]}
                onChange={(e) => setRecommendation(i, { addresseeOrganisationId: e.currentTarget.value || null })}
              />
            </Group>
            <Group grow align="flex-end">
              <NativeSelect
                label={t('reports.fields.keyArea')}
                value={r.keyArea}
                data={KEY_AREAS.map((k) => ({ value: k, label: t(`reports.keyArea.${k}`) }))}
                onChange={(e) => setRecommendation(i, { keyArea: e.currentTarget.value as DraftRecommendation['keyArea'] })}
              />
              <NativeSelect
                label={t('reports.fields.dimension')}
                value={r.dimension}
                data={DIMENSIONS.map((d) => ({ value: d, label: t(`reports.dimension.${d}`) }))}
                onChange={(e) => setRecommendation(i, { dimension: e.currentTarget.value as DraftRecommendation['dimension'] })}
              />
              <NativeSelect
                label={t('reports.fields.priority')}
                value={r.priority}
                data={PRIORITIES.map((p) => ({ value: p, label: t(`reports.priority.${p}`) }))}
                onChange={(e) => setRecommendation(i, { priority: e.currentTarget.value as DraftRecommendation['priority'] })}
              />
              <TextInput
                type="date"
                label={t('reports.fields.due')}
                value={r.dueOn ?? ''}
                onChange={(e) => setRecommendation(i, { dueOn: e.currentTarget.value || null })}
              />
            </Group>
            <Group justify="flex-end">
              <Button
                variant="subtle"
                color="red"
                size="xs"
                onClick={() => set({ recommendations: content.recommendations.filter((_, j) => j !== i) })}
              >
                {t('reports.recommendation.remove', { n: i + 1 })}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() => set({ recommendations: [...content.recommendations, { ...EMPTY_RECOMMENDATION }] })}
        >
          {t('reports.recommendation.add')}
        </Button>
      </Group>
    </Stack>
  );
}
