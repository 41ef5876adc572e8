// @vitest-environment node
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { ApiProblem } from './api';
import { namedFieldErrors } from './form-errors';

const i18n = i18next.createInstance();
await i18n.init({
  lng: 'en',
  resources: { en: { translation: en }, fr: { translation: fr } },
  interpolation: { escapeValue: false },
});

const refusal = new ApiProblem(400, {
  code: 'validation',
  detail: '/email: This value must match format "email".',
  errors: [
    { pointer: '/email', code: 'invalid', message: 'This value must match format "email".' },
    { pointer: '/function', message: 'Give your function.' },
    { pointer: '/emails/2', code: 'invalid', message: 'This value must match format "email".' },
    { pointer: '/emails/3', code: 'invalid', message: 'This value must match format "email".' },
    { pointer: '/unlabelled', message: 'Something else is wrong.' },
  ],
});

describe('field refusals listed in the alert', () => {
  it('start with the field’s label as the form shows it, then say what the field says', () => {
    const labels = { '/email': 'Email address', '/function': 'Function', '/emails': 'Other addresses' };
    expect(namedFieldErrors(i18n.getFixedT('en'), refusal, labels)).toEqual([
      'Email address: This value is not valid.',
      'Function: Give your function.',
      // An item of a list is named by the list's label, and listed once.
      'Other addresses: This value is not valid.',
      // A field the form does not label is not left out.
      'Something else is wrong.',
    ]);
  });

  it('speak the reader’s language, with the labels the form shows in it', () => {
    const labels = { '/email': 'Adresse électronique' };
    expect(namedFieldErrors(i18n.getFixedT('fr'), refusal, labels)[0]).toBe(
      'Adresse électronique\u00a0: Cette valeur n’est pas valide.',
    );
  });

  it('list nothing for an error that is not a refusal of fields', () => {
    expect(namedFieldErrors(i18n.getFixedT('en'), new Error('offline'), { '/email': 'Email address' })).toEqual([]);
    expect(namedFieldErrors(i18n.getFixedT('en'), new ApiProblem(409, { code: 'conflict' }), {})).toEqual([]);
  });
});
