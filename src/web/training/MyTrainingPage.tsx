import { Anchor, Badge, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { type MyTraining, myTrainingQuery, STATUS_COLOURS, testQuery } from './queries';

type Item = MyTraining['items'][number];

/** The participant's own training: nominations and decisions, tests (one attempt each), the evaluation and the certificate. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  usePageTitle(t('training.mine.title'));
  const mine = useQuery(myTrainingQuery);
  return (
    <Stack gap="md">
      <Title order={1}>{t('training.mine.title')}</Title>
      <ProblemAlert error={mine.error} />
      {mine.data && mine.data.items.length === 0 ? (
        <EmptyState message={t('training.mine.empty')} actions={[{ label: t('training.catalogue.title'), to: '/training' }]} />
      ) : null}
      {mine.data?.items.map((item) => (
        <Participation key={item.nominationId} item={item} />
      ))}
    </Stack>
  );
}

function Participation({ item }: { item: Item }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'pre' | 'post' | 'evaluation' | null>(null);
  const score = (v: number | null) => (v === null ? t('training.tests.notTaken') : `${v} %`);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Anchor component={Link} to={`/training/sessions/${item.sessionId}`} fw={600}>
            {item.course}
          </Anchor>
          <Badge color={STATUS_COLOURS[item.status]}>{t(`training.status.${item.status}`)}</Badge>
        </Group>
        <Text size="sm">
          {item.startsOn} – {item.endsOn}
        </Text>
        {item.reason ? <Text size="sm">{item.reason}</Text> : null}
        {item.status === 'selected' ? (
          <>
            <Text size="sm">
              {t('training.tests.pre')}: {score(item.preScore)} · {t('training.tests.post')}: {score(item.postScore)}
              {item.gain !== null ? ` · ${t('training.tests.gain', { gain: item.gain })}` : ''}
            </Text>
            <Group>
              {item.hasQuestions && item.preScore === null ? (
                <Button size="sm" variant="light" onClick={() => setOpen('pre')}>
                  {t('training.tests.takePre')}
                </Button>
              ) : null}
              {item.hasQuestions && item.postScore === null ? (
                <Button size="sm" variant="light" onClick={() => setOpen('post')}>
                  {t('training.tests.takePost')}
                </Button>
              ) : null}
              {!item.evaluated ? (
                <Button size="sm" variant="light" onClick={() => setOpen('evaluation')}>
                  {t('training.evaluation.open')}
                </Button>
              ) : (
                <Text size="sm">{t('training.evaluation.thanks')}</Text>
              )}
            </Group>
            {open === 'pre' || open === 'post' ? (
              <TestForm nominationId={item.nominationId} kind={open} onDone={() => setOpen(null)} />
            ) : null}
            {open === 'evaluation' ? <EvaluationForm nominationId={item.nominationId} onDone={() => setOpen(null)} /> : null}
          </>
        ) : null}
        {item.certificateCode ? (
          <Group>
            <Anchor href={`/api/training/certificates/${item.certificateCode}/pdf`}>{t('training.certificate.download')}</Anchor>
            <Anchor component={Link} to={`/training/verify/${item.certificateCode}`}>
              {t('training.certificate.verifyLink', { code: item.certificateCode })}
            </Anchor>
            {item.certificateRevoked ? <Badge color="red">{t('training.verify.revoked')}</Badge> : null}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

function TestForm({ nominationId, kind, onDone }: { nominationId: string; kind: 'pre' | 'post'; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const test = useQuery(testQuery(nominationId, kind));
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const submit = useMutation({
    mutationFn: () =>
      api.post(`/training/nominations/${nominationId}/tests/${kind}`, {
        answers: (test.data?.questions ?? []).map((_, i) => (answers[i] === undefined ? null : Number(answers[i]))),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['training'] });
      onDone();
    },
  });
  if (!test.data) return <ProblemAlert error={test.error} />;
  return (
    <Stack
      component="form"
      aria-label={t(kind === 'pre' ? 'training.tests.takePre' : 'training.tests.takePost')}
      onSubmit={(e) => {
        e.preventDefault();
        submit.mutate();
      }}
    >
      <Text size="sm">{t('training.tests.once')}</Text>
      <ProblemAlert error={submit.error} />
      {test.data.questions.map((q, i) => (
        <Radio.Group
          key={q.text}
          label={`${i + 1}. ${q.text}`}
          value={answers[i] ?? null}
          onChange={(v) => setAnswers((a) => ({ ...a, [i]: v }))}
        >
          <Stack gap={4} mt={4}>
            {q.options.map((option, j) => (
              <Radio key={option} value={String(j)} label={option} />
            ))}
          </Stack>
        </Radio.Group>
      ))}
      <Button type="submit" loading={submit.isPending} w="fit-content">
        {t('training.tests.submit')}
      </Button>
    </Stack>
  );
}

const ASPECTS = ['relevance', 'content', 'trainers', 'organisation'] as const;

function EvaluationForm({ nominationId, onDone }: { nominationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const submit = useMutation({
    mutationFn: () =>
      api.post(`/training/nominations/${nominationId}/evaluation`, {
        ...Object.fromEntries(ASPECTS.map((a) => [a, Number(ratings[a])])),
        comment,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['training'] });
      onDone();
    },
  });
  return (
    <Stack
      component="form"
      aria-label={t('training.evaluation.open')}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (ASPECTS.every((a) => ratings[a])) submit.mutate();
      }}
    >
      <Text size="sm">{t('training.evaluation.anonymous')}</Text>
      <ProblemAlert error={submit.error} />
      {ASPECTS.map((a) => (
        <Radio.Group
          key={a}
          label={t(`training.evaluation.${a}`)}
          required
          value={ratings[a] ?? null}
          onChange={(v) => setRatings((r) => ({ ...r, [a]: v }))}
          error={tried && !ratings[a] ? t('form.required') : undefined}
        >
          <Group mt={4}>
            {[1, 2, 3, 4, 5].map((v) => (
              <Radio key={v} value={String(v)} label={t(`training.likert.${v}`)} />
            ))}
          </Group>
        </Radio.Group>
      ))}
      <Textarea
        label={t('training.evaluation.comment')}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        maxLength={2000}
      />
      <Button type="submit" loading={submit.isPending} w="fit-content">
        {t('training.evaluation.submit')}
      </Button>
    </Stack>
  );
}
