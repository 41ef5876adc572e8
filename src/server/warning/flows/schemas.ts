import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { Language } from '../../reference/schemas.js';
import { Iso2 } from '../schemas.js';

export const FLOW_ROLES = ['origin', 'transit', 'destination'] as const;
export type FlowRole = (typeof FLOW_ROLES)[number];

/** How the roles are derived from the imported figures, shown beside them. */
export const ROLE_METHOD =
  'Derived each year from the imported UNHCR figures: origin when at least 5,000 refugees originate from the country, ' +
  'destination when it hosts at least 5,000 refugees, transit when at least 1,000 people arrived by sea on its shores. ' +
  'The data has no onward movements, so transit is approximated by sea arrivals, whether people stayed or moved on.';

export const DriverCode = Type.String({ pattern: '^[a-z_]{2,40}$', description: 'A driver of displacement.' });

export const DriverView = Type.Object({
  code: Type.String(),
  parent: Type.Union([Type.String(), Type.Null()], { description: 'The broad driver a sub-driver belongs to.' }),
  name: Type.String(),
});
export type DriverView = Static<typeof DriverView>;

export const LangQuery = Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false });

export const RoleYear = Type.Object({
  year: Type.Integer(),
  origin: Type.Boolean(),
  transit: Type.Boolean(),
  destination: Type.Boolean(),
  refugeesFrom: Type.Union([Type.Number(), Type.Null()]),
  refugeesHosted: Type.Union([Type.Number(), Type.Null()]),
  arrivals: Type.Union([Type.Number(), Type.Null()]),
});

export const DriverYear = Type.Object({
  year: Type.Integer(),
  driver: Type.String(),
  name: Type.String(),
  reports: Type.Integer({ description: 'Mission reports on the country that name the driver, by the mission’s year.' }),
  alerts: Type.Integer({ description: 'Early-warning alerts on the country that name the driver, by their period’s year.' }),
});

export const CountryFlowsView = Type.Object({
  country: Iso2,
  roles: Type.Array(RoleYear, { description: 'The latest years first.' }),
  method: Type.String(),
  drivers: Type.Array(DriverYear, { description: 'The latest years first.' }),
});
export type CountryFlowsView = Static<typeof CountryFlowsView>;

export const FlowGroupQuery = Type.Object(
  {
    role: StringEnum(FLOW_ROLES),
    year: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2100, description: 'The latest year with data when absent.' })),
  },
  { additionalProperties: false },
);
export type FlowGroupQuery = Static<typeof FlowGroupQuery>;

export const FlowGroupView = Type.Object({
  role: StringEnum(FLOW_ROLES),
  year: Type.Union([Type.Integer(), Type.Null()]),
  countries: Type.Array(Iso2),
  years: Type.Array(Type.Integer(), { description: 'Every year with figures behind the roles, the latest first.' }),
});
export type FlowGroupView = Static<typeof FlowGroupView>;

export const AlertDriversBody = Type.Object(
  { drivers: Type.Array(DriverCode, { maxItems: 20, uniqueItems: true }) },
  { additionalProperties: false },
);
export type AlertDriversBody = Static<typeof AlertDriversBody>;

export const AlertDriversView = Type.Object({ alertId: Uuid, drivers: Type.Array(DriverView) });
export type AlertDriversView = Static<typeof AlertDriversView>;
