import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../files/attachment.js';
import { responses } from '../http/responses.js';
import { createIndicator, observationHistory, updateIndicator } from './catalogue.js';
import { importRoutes } from './import-routes.js';
import { countryRisk, riskMap } from './risk.js';
import { createRule, decideOnAlert, exportAlerts, listAlerts, listRules, updateRule } from './rules-service.js';
import {
  AlertQuery,
  AlertView,
  CodeParams,
  ComparisonQuery,
  ComparisonView,
  CountryRiskView,
  CreateIndicatorBody,
  CreateRuleBody,
  DecisionBody,
  HistoryQuery,
  HistoryView,
  IdParams,
  IndicatorView,
  Iso2Params,
  LangQuery,
  ObservationView,
  RiskMapView,
  RiskQuery,
  RuleView,
  SeriesQuery,
  UpdateIndicatorBody,
  UpdateRuleBody,
} from './schemas.js';
import { compareCountries, exportSeries, listIndicators, listSeries } from './service.js';

const tags = ['early warning'];
const CsvText = Type.String({ description: 'CSV; with hxl=true a row of HXL hashtags follows the labels.' });

export const warningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(importRoutes);

  app.get(
    '/warning/indicators',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The indicator catalogue',
        querystring: LangQuery,
        response: responses({ 200: Type.Array(IndicatorView) }),
      },
    },
    async (request) => listIndicators(request.ctx, request.query.lang),
  );

  app.post(
    '/warning/indicators',
    {
      config: { access: 'warning.indicator.edit' },
      schema: {
        tags,
        summary: 'Add an indicator to the catalogue',
        body: CreateIndicatorBody,
        response: responses({ 201: IndicatorView }),
      },
    },
    async (request, reply) => reply.code(201).send(await createIndicator(request.ctx, request.body)),
  );

  app.patch(
    '/warning/indicators/:code',
    {
      config: { access: 'warning.indicator.edit' },
      schema: {
        tags,
        summary: 'Correct an indicator (not its frequency)',
        params: CodeParams,
        body: UpdateIndicatorBody,
        response: responses({ 200: IndicatorView }),
      },
    },
    async (request) => updateIndicator(request.ctx, request.params.code, request.body),
  );

  app.get(
    '/warning/series/history',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One value with the earlier values it replaced',
        querystring: HistoryQuery,
        response: responses({ 200: HistoryView }),
      },
    },
    async (request) => observationHistory(request.ctx, request.query),
  );

  app.get(
    '/warning/series',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Observations with their source and import batch',
        querystring: SeriesQuery,
        response: responses({ 200: Type.Array(ObservationView) }),
      },
    },
    async (request) => listSeries(request.ctx, request.query),
  );

  app.get(
    '/warning/series/export.csv',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Observations as CSV (optionally HXL)',
        querystring: SeriesQuery,
        produces: ['text/csv'],
        response: responses({ 200: CsvText }),
      },
    },
    async (request, reply) =>
      sendAttachment(reply, {
        kind: 'csv',
        filename: 'crossroads-series.csv',
        body: await exportSeries(request.ctx, request.query),
      }),
  );

  app.get(
    '/warning/comparison',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Every country’s value of one indicator in one period (default: its latest)',
        querystring: ComparisonQuery,
        response: responses({ 200: ComparisonView }),
      },
    },
    async (request) => compareCountries(request.ctx, request.query),
  );

  app.get(
    '/warning/rules',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Early-warning rules', response: responses({ 200: Type.Array(RuleView) }) },
    },
    async (request) => listRules(request.ctx),
  );

  app.post(
    '/warning/rules',
    {
      config: { access: 'warning.rule.edit' },
      schema: {
        tags,
        summary: 'Create a rule; it is evaluated on every stored value at once',
        body: CreateRuleBody,
        response: responses({ 201: RuleView }),
      },
    },
    async (request, reply) => reply.code(201).send(await createRule(request.ctx, request.body)),
  );

  app.patch(
    '/warning/rules/:id',
    {
      config: { access: 'warning.rule.edit' },
      schema: {
        tags,
        summary: 'Change a rule (threshold, window, level, name, active)',
        params: IdParams,
        body: UpdateRuleBody,
        response: responses({ 200: RuleView }),
      },
    },
    async (request) => updateRule(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/warning/alerts',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Alerts with the values that fired them',
        querystring: AlertQuery,
        response: responses({ 200: Type.Array(AlertView) }),
      },
    },
    async (request) => listAlerts(request.ctx, request.query),
  );

  app.get(
    '/warning/alerts/export.csv',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Alerts as CSV (optionally HXL)',
        querystring: AlertQuery,
        produces: ['text/csv'],
        response: responses({ 200: CsvText }),
      },
    },
    async (request, reply) =>
      sendAttachment(reply, {
        kind: 'csv',
        filename: 'crossroads-alerts.csv',
        body: await exportAlerts(request.ctx, request.query),
      }),
  );

  app.post(
    '/warning/alerts/:id/decision',
    {
      config: { access: 'warning.alert.decide' },
      schema: {
        tags,
        summary: 'Acknowledge or dismiss an open alert, with a note',
        params: IdParams,
        body: DecisionBody,
        response: responses({ 200: AlertView }),
      },
    },
    async (request) => decideOnAlert(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/warning/risk',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Every country’s risk score in one year, for the map',
        querystring: RiskQuery,
        response: responses({ 200: RiskMapView }),
      },
    },
    async (request) => riskMap(request.ctx, request.query.year),
  );

  app.get(
    '/warning/risk/:iso2',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'One country’s risk score, its history and alerts',
        params: Iso2Params,
        response: responses({ 200: CountryRiskView }),
      },
    },
    async (request) => countryRisk(request.ctx, request.params.iso2),
  );
};
