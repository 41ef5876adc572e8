import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { RecommendationView } from './queries';

/** What names a recommendation in titles: its mission's code, its conference, or its issuing organisation. */
export const sourceName = (r: RecommendationView) => r.missionCode ?? r.eventTitle ?? r.sourceOrganisation ?? '';

/** Where a recommendation comes from: a link to its report or conference, or the organisation and document that issued it. */
export function RecommendationSource({ recommendation: r }: { recommendation: RecommendationView }) {
  const { t } = useTranslation();
  if (r.source === 'conference') {
    return (
      <Anchor component={Link} to={`/conferences/events/${r.eventId}`}>
        {t('reports.source.conferenceOf', { title: r.eventTitle })}
      </Anchor>
    );
  }
  if (r.source === 'external') {
    return (
      <Text size="sm">
        {t('reports.source.externalOf', { organisation: r.sourceOrganisation, document: r.sourceDocument, date: r.sourceDate })}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`/reports/${r.reportId}`}>
      {t('reports.source.reportOf', { code: r.missionCode })}
    </Anchor>
  );
}
