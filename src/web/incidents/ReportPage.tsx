import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportBody } from '../../server/incidents/submission/schemas.js';
import { ApiProblem, api } from '../app/api';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { countriesQuery, useApiLanguage } from '../reference/queries';
import { canEncrypt, fileToBase64, sealText } from './crypto';
import { PointPicker } from './PointPicker';
import { cleanPhotoInBrowser } from './photos';
import { type Proof, solveProof } from './proof';
import { BIAS_INDICATORS, BIAS_MOTIVATIONS, formQuery, INCIDENT_TYPES, PROPERTY_TARGETS, SOURCES, TARGETS } from './queries';
import { ReceiptView } from './ReceiptView';
import { EMPTY_REPORT, missingReportFields, type ReportForm, reportLabels } from './report-form';

/** The public report form: no account, works on a phone; the description and contact are encrypted in this browser. */
export function ReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('incidents.report.title'));
  const lang = useApiLanguage();
  const settings = useQuery(formQuery);
  const countries = useQuery(countriesQuery(lang, { status: 'participating' }));
  const [form, setForm] = useState<ReportForm>(EMPTY_REPORT);
  const [photos, setPhotos] = useState<File[]>([]);
  const proof = useRef<Promise<Proof> | null>(null);
  const challenge = settings.data?.challenge;
  const bits = settings.data?.proofBits;
  useEffect(() => {
    if (challenge !== undefined && bits !== undefined) proof.current = solveProof(challenge, bits);
  }, [challenge, bits]);

  const set = <K extends keyof ReportForm>(key: K, value: ReportForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const isProperty = (INCIDENT_TYPES.attack_against_property as readonly string[]).includes(form.incidentType);

  const submit = useMutation({
    mutationFn: async () => {
      const key = settings.data?.key;
      if (!key) throw new ApiProblem(503, { code: 'unavailable' });
      const encrypt = canEncrypt();
      const contact = form.contact.trim();
      const body: ReportBody = {
        occurredOn: form.occurredOn,
        dateApproximate: form.dateApproximate,
        country: form.country,
        place: form.place,
        incidentType: form.incidentType as ReportBody['incidentType'],
        targets: form.targets as ReportBody['targets'],
        biasMotivation: form.biasMotivation as ReportBody['biasMotivation'],
        biasIndicators: form.biasIndicators as NonNullable<ReportBody['biasIndicators']>,
        source: form.source as ReportBody['source'],
        contactConsent: form.contactConsent && contact !== '',
        photos: await Promise.all(
          photos.map(async (file) => ({ mediaType: file.type as 'image/jpeg', data: await fileToBase64(file) })),
        ),
        website: form.website,
        proof: await (proof.current ?? solveProof(settings.data?.challenge ?? '', settings.data?.proofBits ?? 0)),
        ...(isProperty && form.propertyTarget ? { propertyTarget: form.propertyTarget as ReportBody['propertyTarget'] } : {}),
        ...(form.latitude !== '' && form.longitude !== ''
          ? { point: { latitude: Number(form.latitude), longitude: Number(form.longitude) } }
          : {}),
        ...(encrypt
          ? {
              sealed: {
                keyId: key.keyId,
                description: await sealText(key.spki, form.description),
                ...(contact ? { contact: await sealText(key.spki, contact) } : {}),
              },
            }
          : { description: form.description, ...(contact ? { contact } : {}) }),
      };
      return api.post<{ receipt: string }>('/incidents/reports', body);
    },
    onSettled: () => {
      // A challenge is accepted once: a new one (and a new proof) for the next attempt.
      proof.current = null;
      void settings.refetch();
    },
  });
  const [tried, setTried] = useState(false);
  const missing = tried ? missingReportFields(form) : {};
  const errorOf = useFieldErrors(submit.error, missing);
  const labels = reportLabels(t);
  const fieldError = (pointer: string) =>
    errorOf(pointer) ?? (pointer === '/description' ? errorOf('/sealed/description') : undefined);
  const formRef = useRef<HTMLFormElement>(null);
  // On a phone the marked field may be far above the button: take the person to the first one.
  const [attempt, setAttempt] = useState(0);
  const refusal = submit.error;
  useEffect(() => {
    if (attempt === 0 && !refusal) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, refusal]);
  if (submit.data) return <ReceiptView receipt={submit.data.receipt} />;

  const options = (codes: readonly string[], group: string) =>
    codes.map((c) => ({ value: c, label: t(`incidents.${group}.${c}`) }));
  const typeGroups = Object.entries(INCIDENT_TYPES).map(([group, codes]) => ({
    group: t(`incidents.typeGroup.${group}`),
    items: options(codes, 'type'),
  }));
  const tooMany = photos.length > (settings.data?.maxPhotos ?? 5);
  const tooLarge = photos.some((p) => p.size > (settings.data?.photoMaxBytes ?? Number.POSITIVE_INFINITY));

  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('incidents.report.title')}</Title>
      <Text>{t('incidents.report.intro')}</Text>
      <Alert color="blue" title={t('incidents.report.privacyTitle')}>
        {t('incidents.report.privacy')}
      </Alert>
      {settings.data && !settings.data.key ? <Alert color="orange">{t('incidents.report.noKey')}</Alert> : null}
      <ProblemAlert error={submit.error} fields={labels} />
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          setAttempt((n) => n + 1);
          if (!anyMissing(missingReportFields(form))) submit.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('incidents.report.when')}
          </Title>
          <TextInput
            type="date"
            label={labels['/occurredOn']}
            required
            value={form.occurredOn}
            max={new Date().toISOString().slice(0, 10)}
            onChange={(e) => set('occurredOn', e.currentTarget.value)}
            error={fieldError('/occurredOn')}
          />
          <Checkbox
            label={labels['/dateApproximate']}
            checked={form.dateApproximate}
            onChange={(e) => set('dateApproximate', e.currentTarget.checked)}
          />
          <Select
            label={labels['/country']}
            required
            searchable
            data={(countries.data ?? [])
              .map((c) => ({ value: c.iso2, label: c.name }))
              .sort((a, b) => a.label.localeCompare(b.label, lang))}
            value={form.country || null}
            onChange={(v) => set('country', v ?? '')}
            error={fieldError('/country')}
          />
          <TextInput
            label={labels['/place']}
            description={t('incidents.fields.placeHelp')}
            required
            maxLength={200}
            value={form.place}
            onChange={(e) => set('place', e.currentTarget.value)}
            error={fieldError('/place')}
          />
          <Group grow>
            <NumberInput
              label={labels['/point/latitude']}
              min={-90}
              max={90}
              decimalScale={4}
              value={form.latitude}
              onChange={(v) => set('latitude', v)}
            />
            <NumberInput
              label={labels['/point/longitude']}
              min={-180}
              max={180}
              decimalScale={4}
              value={form.longitude}
              onChange={(v) => set('longitude', v)}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {t('incidents.fields.pointHelp')}
          </Text>
          <PointPicker
            label={t('incidents.fields.pointMap')}
            point={
              form.latitude !== '' && form.longitude !== ''
                ? { latitude: Number(form.latitude), longitude: Number(form.longitude) }
                : null
            }
            onPick={(p) => setForm((f) => ({ ...f, latitude: p.latitude, longitude: p.longitude }))}
          />

          <Title order={2} size="h3">
            {t('incidents.report.what')}
          </Title>
          <Select
            label={labels['/incidentType']}
            required
            data={typeGroups}
            value={form.incidentType || null}
            onChange={(v) => set('incidentType', v ?? '')}
            error={fieldError('/incidentType')}
          />
          {isProperty ? (
            <Select
              label={labels['/propertyTarget']}
              data={options(PROPERTY_TARGETS, 'property')}
              value={form.propertyTarget || null}
              onChange={(v) => set('propertyTarget', v ?? '')}
              clearable
            />
          ) : null}
          <Checkbox.Group
            label={labels['/targets']}
            required
            value={form.targets}
            onChange={(v) => set('targets', v)}
            error={fieldError('/targets')}
          >
            <Stack gap={4} mt={4}>
              {TARGETS.map((c) => (
                <Checkbox key={c} value={c} label={t(`incidents.target.${c}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Select
            label={labels['/biasMotivation']}
            required
            data={options(BIAS_MOTIVATIONS, 'bias')}
            value={form.biasMotivation || null}
            onChange={(v) => set('biasMotivation', v ?? '')}
            error={fieldError('/biasMotivation')}
          />
          <Checkbox.Group
            label={labels['/biasIndicators']}
            description={t('incidents.fields.biasIndicatorsHelp')}
            value={form.biasIndicators}
            onChange={(v) => set('biasIndicators', v)}
          >
            <Stack gap={4} mt={4}>
              {BIAS_INDICATORS.map((c) => (
                <Checkbox key={c} value={c} label={t(`incidents.indicator.${c}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Textarea
            label={labels['/description']}
            description={t('incidents.fields.descriptionHelp')}
            required
            minRows={5}
            autosize
            maxLength={10000}
            value={form.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={fieldError('/description')}
          />
          <Select
            label={labels['/source']}
            required
            data={options(SOURCES, 'source')}
            value={form.source || null}
            onChange={(v) => set('source', v ?? '')}
            error={fieldError('/source')}
          />
          <FileInput
            label={labels['/photos']}
            description={t('incidents.fields.photosHelp', {
              max: settings.data?.maxPhotos ?? 5,
              size: Math.floor((settings.data?.photoMaxBytes ?? 0) / 1024 / 1024),
            })}
            accept="image/jpeg,image/png"
            multiple
            clearable
            value={photos}
            onChange={(files) => {
              void Promise.all(files.map(cleanPhotoInBrowser)).then(setPhotos);
            }}
            error={
              tooMany
                ? t('incidents.fields.photosTooMany')
                : tooLarge
                  ? t('incidents.fields.photosTooLarge')
                  : fieldError('/photos/0')
            }
          />

          <Title order={2} size="h3">
            {t('incidents.report.contactTitle')}
          </Title>
          <Textarea
            label={labels['/contact']}
            description={t('incidents.fields.contactHelp')}
            maxLength={1000}
            value={form.contact}
            onChange={(e) => set('contact', e.currentTarget.value)}
          />
          <Checkbox
            label={labels['/contactConsent']}
            checked={form.contactConsent}
            disabled={form.contact.trim() === ''}
            onChange={(e) => set('contactConsent', e.currentTarget.checked)}
          />
          {/* A field people do not see: robots fill it in. */}
          <div style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }} aria-hidden="true">
            <label>
              Website
              <input
                type="text"
                name="website"
                tabIndex={-1}
                autoComplete="off"
                value={form.website}
                onChange={(e) => set('website', e.currentTarget.value)}
              />
            </label>
          </div>
          <Button type="submit" loading={submit.isPending} disabled={!settings.data?.key || tooMany || tooLarge} size="md">
            {t('incidents.report.send')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
