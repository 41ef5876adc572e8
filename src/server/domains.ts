import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { auditRoutes } from './audit/routes.js';
import { authJobs } from './auth/jobs.js';
import { authRoutes } from './auth/routes.js';
import { backupRoutes } from './backup/routes.js';
import type { DB } from './db/schema.js';
import { seedDirectoryDemo } from './directory/demo/seed.js';
import { directoryRoutes } from './directory/routes.js';
import { healthRoutes } from './health/routes.js';
import { problemRoutes } from './http/problem-routes.js';
import { incidentJobs } from './incidents/jobs.js';
import { incidentRoutes } from './incidents/routes.js';
import { seedIncidentsDemo } from './incidents/seed.js';
import type { Job } from './jobs/job.js';
import { missionRoutes } from './missions/routes.js';
import { seedMissionsDemo } from './missions/seed.js';
import { referenceRoutes } from './reference/routes.js';
import { reportRoutes } from './reports/routes.js';
import { seedReportsDemo } from './reports/seed.js';
import { rosterRoutes } from './roster/routes.js';
import { solidarityRoutes } from './solidarity/routes.js';
import { seedSolidarityDemo } from './solidarity/seed.js';
import { userRoutes } from './users/routes.js';
import { warningRoutes } from './warning/routes.js';
import { seedWarningDemo } from './warning/seed.js';

/** A capability of the platform as the server sees it: its routes and, optionally, its demonstration data. */
export interface Domain {
  name: string;
  routes: FastifyPluginAsyncTypebox;
  /** Adds a realistic, deterministic demonstration data set (`npm start -- --demo`); must be idempotent. */
  seedDemo?: (db: Kysely<DB>) => Promise<void>;
  /** Scheduled jobs, each run once per period by one instance (see jobs/runner.ts). */
  jobs?: Job[];
}

/** Every domain, in the order their routes and demonstration data are registered. A new domain adds one line. */
export const DOMAINS: Domain[] = [
  { name: 'health', routes: healthRoutes },
  { name: 'problems', routes: problemRoutes },
  { name: 'auth', routes: authRoutes, jobs: authJobs },
  { name: 'users', routes: userRoutes },
  { name: 'reference', routes: referenceRoutes },
  { name: 'audit', routes: auditRoutes },
  { name: 'backup', routes: backupRoutes },
  { name: 'directory', routes: directoryRoutes, seedDemo: seedDirectoryDemo },
  { name: 'solidarity', routes: solidarityRoutes, seedDemo: seedSolidarityDemo },
  { name: 'warning', routes: warningRoutes, seedDemo: seedWarningDemo },
  { name: 'roster', routes: rosterRoutes },
  { name: 'missions', routes: missionRoutes, seedDemo: seedMissionsDemo },
  { name: 'reports', routes: reportRoutes, seedDemo: seedReportsDemo },
  { name: 'incidents', routes: incidentRoutes, seedDemo: seedIncidentsDemo, jobs: incidentJobs },
];
