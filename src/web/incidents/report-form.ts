import type { TFunction } from 'i18next';

/** The public report form's fields, as typed (nothing chosen yet). */
export const EMPTY_REPORT = {
  occurredOn: '',
  dateApproximate: false,
  country: '',
  place: '',
  latitude: '' as number | string,
  longitude: '' as number | string,
  incidentType: '',
  propertyTarget: '',
  targets: [] as string[],
  biasMotivation: '',
  biasIndicators: [] as string[],
  source: '',
  description: '',
  contact: '',
  contactConsent: false,
  website: '',
};
export type ReportForm = typeof EMPTY_REPORT;

/** The required fields left empty, by the pointer the server would name them with. */
export function missingReportFields(form: ReportForm): Record<string, boolean> {
  return {
    '/occurredOn': form.occurredOn === '',
    '/country': form.country === '',
    '/place': form.place.trim() === '',
    '/incidentType': form.incidentType === '',
    '/targets': form.targets.length === 0,
    '/biasMotivation': form.biasMotivation === '',
    '/description': form.description.trim() === '',
    '/source': form.source === '',
  };
}

/** The fields' labels, by the pointer the server names them with: the alert lists refusals by them. */
export function reportLabels(t: TFunction) {
  return {
    '/occurredOn': t('incidents.fields.occurredOn'),
    '/dateApproximate': t('incidents.fields.dateApproximate'),
    '/country': t('incidents.fields.country'),
    '/place': t('incidents.fields.place'),
    '/point/latitude': t('incidents.fields.latitude'),
    '/point/longitude': t('incidents.fields.longitude'),
    '/incidentType': t('incidents.fields.incidentType'),
    '/propertyTarget': t('incidents.fields.propertyTarget'),
    '/targets': t('incidents.fields.targets'),
    '/biasMotivation': t('incidents.fields.biasMotivation'),
    '/biasIndicators': t('incidents.fields.biasIndicators'),
    '/description': t('incidents.fields.description'),
    '/sealed/description': t('incidents.fields.description'),
    '/source': t('incidents.fields.source'),
    '/photos': t('incidents.fields.photos'),
    '/contact': t('incidents.fields.contact'),
    '/sealed/contact': t('incidents.fields.contact'),
    '/contactConsent': t('incidents.fields.contactConsent'),
  };
}
