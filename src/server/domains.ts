import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { DomainAccess } from './access/roles.js';
import { registerAccess } from './access/roles.js';
import { auditAccess, auditAudits } from './audit/access.js';
import type { DomainAudits } from './audit/catalogue.js';
import { registerAudits } from './audit/catalogue.js';
import { auditRoutes } from './audit/routes.js';
import { authAudits } from './auth/access.js';
import { authJobs } from './auth/jobs.js';
import { ssoAudits } from './auth/oidc/access.js';
import { ssoRoutes } from './auth/oidc/routes.js';
import { authRoutes } from './auth/routes.js';
import { backupAccess, backupAudits } from './backup/access.js';
import { backupRoutes } from './backup/routes.js';
import { conferenceAccess, conferenceAudits } from './conferences/access.js';
import { conferenceRoutes } from './conferences/routes.js';
import { seedConferencesDemo } from './conferences/seed.js';
import { consensusAccess, consensusAudits } from './consensus/access.js';
import { consensusWorkers } from './consensus/jobs.js';
import { consensusRoutes } from './consensus/routes.js';
import { seedConsensusDemo } from './consensus/seed.js';
import type { DB } from './db/schema.js';
import { directoryAccess, directoryAudits } from './directory/access.js';
import { seedDirectoryDemo } from './directory/demo/seed.js';
import { directoryRoutes } from './directory/routes.js';
import { healthRoutes } from './health/routes.js';
import { problemRoutes } from './http/problem-routes.js';
import { incidentAccess, incidentAudits } from './incidents/access.js';
import { incidentJobs } from './incidents/jobs.js';
import { ensureDemoKey } from './incidents/protected/demo-key.js';
import { incidentRoutes } from './incidents/routes.js';
import { seedIncidentsDemo } from './incidents/seed.js';
import type { Job, Worker } from './jobs/job.js';
import { missionAccess, missionAudits } from './missions/access.js';
import { missionRoutes } from './missions/routes.js';
import { seedMissionsDemo } from './missions/seed.js';
import { networkAccess, networkAudits } from './network/access.js';
import { networkWorkers } from './network/jobs.js';
import { networkRoutes } from './network/routes.js';
import { seedNetworkDemo } from './network/seed.js';
import { notificationAccess, notificationAudits } from './notifications/access.js';
import { notificationJobs, notificationWorkers } from './notifications/jobs.js';
import { notificationRoutes } from './notifications/routes.js';
import { operationsAccess, operationsAudits } from './operations/access.js';
import { registerJobs } from './operations/jobs/registry.js';
import { operationsRoutes } from './operations/routes.js';
import { referenceAccess, referenceAudits } from './reference/access.js';
import { referenceRoutes } from './reference/routes.js';
import { reportAccess, reportAudits } from './reports/access.js';
import { reportJobs } from './reports/jobs.js';
import { reportRoutes } from './reports/routes.js';
import { seedReportsDemo } from './reports/seed.js';
import { rosterAccess, rosterAudits } from './roster/access.js';
import { rosterRoutes } from './roster/routes.js';
import { solidarityAccess, solidarityAudits } from './solidarity/access.js';
import { solidarityRoutes } from './solidarity/routes.js';
import { seedSolidarityDemo } from './solidarity/seed.js';
import { trainingAccess, trainingAudits } from './training/access.js';
import { trainingRoutes } from './training/routes.js';
import { seedTrainingDemo } from './training/seed.js';
import { userAccess, userAudits } from './users/access.js';
import { userRoutes } from './users/routes.js';
import { warningAccess, warningAudits } from './warning/access.js';
import { feedsJob } from './warning/feeds/run.js';
import { warningRoutes } from './warning/routes.js';
import { seedWarningDemo } from './warning/seed.js';

/** A capability of the platform as the server sees it: its routes and, optionally, its demonstration data. */
export interface Domain {
  name: string;
  routes: FastifyPluginAsyncTypebox;
  /** The verbs it declares and the roles that hold them; the route × role test then covers its routes. */
  access?: DomainAccess;
  /** The actions and record types it writes to the audit log; the compiler refuses any other. */
  audits?: DomainAudits;
  /** Adds a realistic, deterministic demonstration data set (`npm start -- --demo`); must be idempotent. */
  seedDemo?: (db: Kysely<DB>) => Promise<void>;
  /** With the demonstration data: what the operator must be told at start-up (lines of text), e.g. a passphrase. */
  demoNotice?: (db: Kysely<DB>) => Promise<string[]>;
  /** Scheduled jobs, each run once per period by one instance (see jobs/runner.ts). */
  jobs?: Job[];
  /** Work every instance does all the time, kept apart by claims in the database (see jobs/job.ts). */
  workers?: Worker[];
}

/** Every domain, in the order their routes and demonstration data are registered. A new domain adds one line. */
export const DOMAINS: Domain[] = [
  { name: 'health', routes: healthRoutes },
  { name: 'operations', routes: operationsRoutes, access: operationsAccess, audits: operationsAudits },
  { name: 'problems', routes: problemRoutes },
  { name: 'auth', routes: authRoutes, audits: authAudits, jobs: authJobs },
  { name: 'sso', routes: ssoRoutes, audits: ssoAudits },
  { name: 'users', routes: userRoutes, access: userAccess, audits: userAudits },
  {
    name: 'notifications',
    routes: notificationRoutes,
    access: notificationAccess,
    audits: notificationAudits,
    jobs: notificationJobs,
    workers: notificationWorkers,
  },
  { name: 'reference', routes: referenceRoutes, access: referenceAccess, audits: referenceAudits },
  { name: 'audit', routes: auditRoutes, access: auditAccess, audits: auditAudits },
  { name: 'backup', routes: backupRoutes, access: backupAccess, audits: backupAudits },
  { name: 'directory', routes: directoryRoutes, access: directoryAccess, audits: directoryAudits, seedDemo: seedDirectoryDemo },
  {
    name: 'solidarity',
    routes: solidarityRoutes,
    access: solidarityAccess,
    audits: solidarityAudits,
    seedDemo: seedSolidarityDemo,
  },
  {
    name: 'warning',
    routes: warningRoutes,
    access: warningAccess,
    audits: warningAudits,
    seedDemo: seedWarningDemo,
    jobs: [feedsJob],
  },
  { name: 'roster', routes: rosterRoutes, access: rosterAccess, audits: rosterAudits },
  { name: 'missions', routes: missionRoutes, access: missionAccess, audits: missionAudits, seedDemo: seedMissionsDemo },
  {
    name: 'reports',
    routes: reportRoutes,
    access: reportAccess,
    audits: reportAudits,
    seedDemo: seedReportsDemo,
    jobs: reportJobs,
  },
  {
    name: 'incidents',
    routes: incidentRoutes,
    access: incidentAccess,
    audits: incidentAudits,
    seedDemo: seedIncidentsDemo,
    demoNotice: ensureDemoKey,
    jobs: incidentJobs,
  },
  {
    name: 'training',
    routes: trainingRoutes,
    access: trainingAccess,
    audits: trainingAudits,
    seedDemo: seedTrainingDemo,
  },
  {
    name: 'consensus',
    routes: consensusRoutes,
    access: consensusAccess,
    audits: consensusAudits,
    seedDemo: seedConsensusDemo,
    workers: consensusWorkers,
  },
  {
    name: 'network',
    routes: networkRoutes,
    access: networkAccess,
    audits: networkAudits,
    seedDemo: seedNetworkDemo,
    workers: networkWorkers,
  },
  {
    name: 'conferences',
    routes: conferenceRoutes,
    access: conferenceAccess,
    audits: conferenceAudits,
    seedDemo: seedConferencesDemo,
  },
];

registerAccess(DOMAINS.flatMap((domain) => (domain.access ? [domain.access] : [])));
registerAudits(
  DOMAINS.flatMap((domain) => {
    return domain.audits ? [{ name: domain.name, audits: domain.audits }] : [];
  }),
);
registerJobs(DOMAINS.flatMap((domain) => domain.jobs ?? []));
