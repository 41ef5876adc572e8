import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../../files/attachment.js';
import { responses } from '../../http/responses.js';
import { createIndicator, observationHistory, updateIndicator } from './catalogue.js';
import {
  CodeParams,
  ComparisonQuery,
  ComparisonView,
  CreateIndicatorBody,
  HistoryQuery,
  HistoryView,
  IndicatorView,
  LangQuery,
  ObservationView,
  SeriesQuery,
  UpdateIndicatorBody,
} from './schemas.js';
import { compareCountries, exportSeries, listIndicators, listSeries } from './service.js';

const tags = ['early warning'];
const CsvText = Type.String({ description: 'CSV; with hxl=true a row of HXL hashtags follows the labels.' });

/** The indicator catalogue, the observed series and the comparison of countries. */
export const indicatorRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
};
