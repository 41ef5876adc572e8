import type { DraftRecommendation } from './schemas.js';
import type { ProjectStatus, ReportStatus } from './tables.js';

/** Demonstration reports for the closed demo missions, with follow-up at every stage. */
export type Level = 'green' | 'yellow' | 'orange' | 'red';

export interface DemoProject {
  org: string;
  title: string;
  budget: number;
  currency: string;
  starts: string;
  ends: string;
  status: ProjectStatus;
  /** When the status last changed (for the implementation rate over time). */
  changed: string;
  reason?: string;
  notes: Array<[string, string]>;
}

export interface DemoRecommendation {
  text: string;
  to: string;
  keyArea: DraftRecommendation['keyArea'];
  dimension: DraftRecommendation['dimension'];
  priority: DraftRecommendation['priority'];
  due: string;
  projects: DemoProject[];
}

export interface DemoReport {
  mission: string;
  status: ReportStatus;
  adopted: string;
  level: Level;
  situation: string;
  human: string;
  border: string;
  security: string;
  rationale: string;
  indicators: string[];
  summary?: string;
  recommendations: DemoRecommendation[];
}

const p = (...paragraphs: string[]) => paragraphs.map((x) => `<p>${x}</p>`).join('');

export const REPORTS: DemoReport[] = [
  {
    mission: 'RFFM-2016-01',
    status: 'distributed',
    adopted: '2016-04-20',
    level: 'red',
    situation: p(
      'Since the closure of the border crossing at Idomeni on 9 March 2016, more than 12,000 people have remained in an informal camp on the Greek side, most of them families from Syria, Iraq and Afghanistan.',
      'Reception capacity in northern Greece is far below needs; sanitation and shelter do not meet minimum standards and tensions with local communities are rising.',
    ),
    human: p(
      'Access to asylum procedures is slow; unaccompanied children are not systematically identified or referred to protection services.',
    ),
    border: p(
      'Border police on both sides are stretched. Joint patrols are ad hoc, and information on smuggling networks is not shared between the two services.',
    ),
    security: p('Smuggling networks are adapting routes towards Albania and Bulgaria; incidents at the fence have increased.'),
    rationale: p(
      'Large stranded population, inadequate reception and active smuggling networks: the situation may deteriorate within weeks.',
    ),
    indicators: ['Stranded population above 10,000', 'Reported push-back incidents', 'Smuggling fees doubling'],
    summary: p(
      'The mission found a humanitarian emergency at the Greek border with North Macedonia and recommended urgent reception capacity, child protection and cross-border police co-operation.',
    ),
    recommendations: [
      {
        text: 'Establish a joint border liaison office at Gevgelija–Idomeni with shared situation reports.',
        to: 'MK',
        keyArea: 'border_management',
        dimension: 'politico_military',
        priority: 'high',
        due: '2016-12-31',
        projects: [
          {
            org: 'FO-SKOPJE',
            title: 'Cross-border liaison and joint risk analysis',
            budget: 240000,
            currency: 'EUR',
            starts: '2016-06-01',
            ends: '2017-05-31',
            status: 'implemented',
            changed: '2017-06-15',
            notes: [
              ['2016-09-30', 'Liaison office opened; first joint situation report issued.'],
              ['2017-06-15', 'Weekly joint reports now routine; handed over to the national services.'],
            ],
          },
        ],
      },
      {
        text: 'Train border police in identifying and referring unaccompanied and separated children.',
        to: 'GR',
        keyArea: 'protection',
        dimension: 'human',
        priority: 'high',
        due: '2017-06-30',
        projects: [
          {
            org: 'ODIHR',
            title: 'Child-sensitive border procedures training',
            budget: 85000,
            currency: 'EUR',
            starts: '2016-09-01',
            ends: '2017-03-31',
            status: 'implemented',
            changed: '2017-04-10',
            notes: [['2017-04-10', '214 officers trained in six sessions; referral protocol adopted.']],
          },
        ],
      },
    ],
  },
  {
    mission: 'RFFM-2016-02',
    status: 'distributed',
    adopted: '2016-07-25',
    level: 'orange',
    situation: p(
      'Arrivals by sea in Sicily reached 70,000 in the first half of 2016. Hotspots in Pozzallo and Trapani operate at full capacity.',
    ),
    human: p('Identification of victims of trafficking, notably Nigerian women and girls, happens too late and too rarely.'),
    border: p(
      'Search and rescue and disembarkation procedures work, but the information gathered is not used to dismantle networks.',
    ),
    security: p('Criminal networks in Libya profit from the crossings and recruit along the route.'),
    rationale: p('Sustained high arrivals and a growing share of trafficking victims.'),
    indicators: ['Sea arrivals', 'Share of Nigerian women among arrivals'],
    recommendations: [
      {
        text: 'Deploy trained cultural mediators at disembarkation points to identify presumed victims of trafficking.',
        to: 'IT',
        keyArea: 'trafficking',
        dimension: 'human',
        priority: 'high',
        due: '2017-03-31',
        projects: [
          {
            org: 'CTHB',
            title: 'Mediators at disembarkation',
            budget: 120000,
            currency: 'EUR',
            starts: '2016-10-01',
            ends: '2017-09-30',
            status: 'implemented',
            changed: '2017-10-20',
            notes: [['2017-10-20', 'Mediators present at four ports; referrals tripled.']],
          },
        ],
      },
      {
        text: 'Set up a regional exchange on financial investigations into smuggling and trafficking proceeds.',
        to: 'TNTD',
        keyArea: 'trafficking',
        dimension: 'economic_environmental',
        priority: 'medium',
        due: '2018-06-30',
        projects: [
          {
            org: 'OCEEA',
            title: 'Follow the money: regional workshops',
            budget: 60000,
            currency: 'EUR',
            starts: '2017-02-01',
            ends: '2018-01-31',
            status: 'not_implemented',
            changed: '2018-03-01',
            reason: 'Participating authorities did not nominate investigators; funding reallocated.',
            notes: [['2018-03-01', 'Only two of seven States nominated participants.']],
          },
        ],
      },
    ],
  },
  {
    mission: 'RFFM-2017-01',
    status: 'distributed',
    adopted: '2017-05-30',
    level: 'yellow',
    situation: p('Türkiye hosts more than three million Syrians under temporary protection; most live in cities, not camps.'),
    human: p('Access to the labour market improved with work permits, but few have been issued and child labour persists.'),
    border: p('Crossings to the Greek islands fell sharply after March 2016.'),
    security: p('Social tension in host municipalities is rising over housing and jobs.'),
    rationale: p('Stable but fragile: integration outcomes will decide the medium-term risk.'),
    indicators: ['Work permits issued', 'Reported incidents in host municipalities'],
    recommendations: [
      {
        text: 'Support municipalities hosting large refugee populations with social cohesion programmes.',
        to: 'TR',
        keyArea: 'relocation_integration',
        dimension: 'human',
        priority: 'medium',
        due: '2019-12-31',
        projects: [
          {
            org: 'HCNM',
            title: 'Municipal social cohesion dialogues',
            budget: 150000,
            currency: 'EUR',
            starts: '2018-01-01',
            ends: '2019-12-31',
            status: 'in_progress',
            changed: '2018-01-15',
            notes: [
              ['2018-06-30', 'Dialogues launched in Gaziantep and Şanlıurfa.'],
              ['2019-03-31', 'Third municipality joined; evaluation planned.'],
            ],
          },
        ],
      },
    ],
  },
  {
    mission: 'RFFM-2022-01',
    status: 'distributed',
    adopted: '2022-04-28',
    level: 'orange',
    situation: p(
      'More than 400,000 people fleeing the war in Ukraine have crossed into Moldova since 24 February 2022; about 100,000 remain.',
    ),
    human: p(
      'Women and children make up most arrivals; the risk of trafficking and exploitation is high along the transit routes.',
    ),
    border: p('The border police have scaled up processing with EU support; queues at Palanca have shortened.'),
    security: p('The proximity of the conflict and the Transdniestrian region raise the risk of destabilisation.'),
    rationale: p('Large, vulnerable population and a small State under strain.'),
    indicators: ['Arrivals from Ukraine', 'Reported trafficking cases'],
    summary: p(
      'The mission assessed the response to arrivals from Ukraine in Moldova and recommended anti-trafficking screening and support for host communities.',
    ),
    recommendations: [
      {
        text: 'Introduce trafficking risk screening at border crossing points and reception centres.',
        to: 'MD',
        keyArea: 'trafficking',
        dimension: 'human',
        priority: 'high',
        due: '2022-12-31',
        projects: [
          {
            org: 'FO-MOLDOVA',
            title: 'Anti-trafficking screening at the border',
            budget: 95000,
            currency: 'EUR',
            starts: '2022-05-15',
            ends: '2023-05-14',
            status: 'implemented',
            changed: '2023-05-20',
            notes: [['2022-09-30', 'Screening tool in use at four crossing points.']],
          },
        ],
      },
      {
        text: 'Provide host families and municipalities with financial support and guidance.',
        to: 'MD',
        keyArea: 'solidarity',
        dimension: 'economic_environmental',
        priority: 'medium',
        due: '2023-06-30',
        projects: [],
      },
    ],
  },
  {
    mission: 'RFFM-2023-01',
    status: 'adopted',
    adopted: '2023-11-27',
    level: 'orange',
    situation: p('About 100,000 ethnic Armenians arrived from the Karabakh region within a week in late September 2023.'),
    human: p('Housing is the most urgent need; many arrivals stay with relatives or in temporary collective shelters.'),
    border: p('Registration at the border worked; documentation of property left behind is incomplete.'),
    security: p('Regional tensions remain high; the displaced population is concentrated in a few provinces.'),
    rationale: p('Sudden mass arrival; medium-term integration needs exceed national capacity.'),
    indicators: ['Displaced persons registered', 'Shelter occupancy'],
    recommendations: [
      {
        text: 'Develop a housing and livelihood programme for the displaced population, with international support.',
        to: 'AM',
        keyArea: 'relocation_integration',
        dimension: 'economic_environmental',
        priority: 'high',
        due: '2024-12-31',
        projects: [
          {
            org: 'FO-YEREVAN',
            title: 'Livelihood support for displaced families',
            budget: 300000,
            currency: 'EUR',
            starts: '2024-02-01',
            ends: '2025-12-31',
            status: 'in_progress',
            changed: '2024-02-01',
            notes: [['2024-09-30', 'First 400 families enrolled.']],
          },
        ],
      },
    ],
  },
  {
    mission: 'RFFM-2024-01',
    status: 'submitted',
    adopted: '2024-07-15',
    level: 'yellow',
    situation: p(
      'Labour migration from Central Asia has shifted after 2022; more workers return or move on to new destinations.',
    ),
    human: p('Returning migrants face debt and lack of recognition of the skills they acquired abroad.'),
    border: p('Crossing procedures are slow at peak seasons.'),
    security: p('Unemployed returnees in border regions are at risk of recruitment by criminal and extremist groups.'),
    rationale: p('No acute crisis, but several slow-moving risks converge.'),
    indicators: ['Remittances', 'Returnees registered'],
    recommendations: [
      {
        text: 'Set up reintegration and skills-recognition services for returning labour migrants.',
        to: 'KG',
        keyArea: 'relocation_integration',
        dimension: 'economic_environmental',
        priority: 'medium',
        due: '2025-12-31',
        projects: [],
      },
    ],
  },
];
