import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { DIMENSIONS } from '../reference/values.js';

type Partner = {
  code: string;
  acronym: string;
  names: [en: string, fr: string, de: string, it: string, ru: string, es: string];
  country: string;
  city: string;
  website: string;
  mandate: string;
  dimensions: string[];
};

/** The international organisations the OSCE co-ordinates with on migration, named in the product. */
export const PARTNERS: Partner[] = [
  {
    code: 'UNHCR',
    acronym: 'UNHCR',
    names: [
      'Office of the United Nations High Commissioner for Refugees',
      'Haut-Commissariat des Nations unies pour les réfugiés',
      'Hoher Flüchtlingskommissar der Vereinten Nationen',
      'Alto Commissariato delle Nazioni Unite per i Rifugiati',
      'Управление Верховного комиссара ООН по делам беженцев',
      'Alto Comisionado de las Naciones Unidas para los Refugiados',
    ],
    country: 'CH',
    city: 'Geneva',
    website: 'https://www.unhcr.org',
    mandate: 'Protects refugees, forcibly displaced communities and stateless people, and seeks durable solutions for them.',
    dimensions: ['human'],
  },
  {
    code: 'IOM',
    acronym: 'IOM',
    names: [
      'International Organization for Migration',
      'Organisation internationale pour les migrations',
      'Internationale Organisation für Migration',
      'Organizzazione internazionale per le migrazioni',
      'Международная организация по миграции',
      'Organización Internacional para las Migraciones',
    ],
    country: 'CH',
    city: 'Geneva',
    website: 'https://www.iom.int',
    mandate: 'The UN migration agency: humane and orderly migration, assistance to migrants, return and reintegration.',
    dimensions: ['economic_environmental', 'human'],
  },
  {
    code: 'UNOCHA',
    acronym: 'OCHA',
    names: [
      'United Nations Office for the Coordination of Humanitarian Affairs',
      'Bureau de la coordination des affaires humanitaires des Nations unies',
      'Amt der Vereinten Nationen für die Koordinierung humanitärer Angelegenheiten',
      'Ufficio delle Nazioni Unite per il coordinamento degli affari umanitari',
      'Управление ООН по координации гуманитарных вопросов',
      'Oficina de las Naciones Unidas para la Coordinación de Asuntos Humanitarios',
    ],
    country: 'CH',
    city: 'Geneva',
    website: 'https://www.unocha.org',
    mandate: 'Co-ordinates humanitarian response: who does what where (3W), needs assessments and pooled funds.',
    dimensions: ['human'],
  },
  {
    code: 'ICRC',
    acronym: 'ICRC',
    names: [
      'International Committee of the Red Cross',
      'Comité international de la Croix-Rouge',
      'Internationales Komitee vom Roten Kreuz',
      'Comitato internazionale della Croce Rossa',
      'Международный комитет Красного Креста',
      'Comité Internacional de la Cruz Roja',
    ],
    country: 'CH',
    city: 'Geneva',
    website: 'https://www.icrc.org',
    mandate: 'Protects the lives and dignity of victims of armed conflict; restores family links of separated migrants.',
    dimensions: ['human'],
  },
  {
    code: 'EU',
    acronym: 'EU',
    names: ['European Union', 'Union européenne', 'Europäische Union', 'Unione europea', 'Европейский союз', 'Unión Europea'],
    country: 'BE',
    city: 'Brussels',
    website: 'https://european-union.europa.eu',
    mandate: 'Common asylum and migration policy, external border management (Frontex) and relocation among Member States.',
    dimensions: [...DIMENSIONS],
  },
  {
    code: 'COE',
    acronym: 'CoE',
    names: ['Council of Europe', 'Conseil de l’Europe', 'Europarat', 'Consiglio d’Europa', 'Совет Европы', 'Consejo de Europa'],
    country: 'FR',
    city: 'Strasbourg',
    website: 'https://www.coe.int',
    mandate: 'Human rights of migrants and refugees; GRETA monitors the Convention on Action against Trafficking.',
    dimensions: ['human'],
  },
];

/** Adds the partner organisations when missing; rows already present are kept, so edits survive. */
export async function seedPartnerOrganisations(db: Kysely<DB>): Promise<void> {
  // Every start calls this: when all are there (the usual case) one read is the whole cost.
  const codes = PARTNERS.map((p) => p.code);
  const present = await db.selectFrom('organisation').select('code').where('code', 'in', codes).execute();
  const known = new Set(present.map((row) => row.code));
  for (const p of PARTNERS.filter((partner) => !known.has(partner.code))) {
    await db
      .insertInto('organisation')
      .values({
        code: p.code,
        type: 'international_organisation',
        acronym: p.acronym,
        name_en: p.names[0],
        name_fr: p.names[1],
        name_de: p.names[2],
        name_it: p.names[3],
        name_ru: p.names[4],
        name_es: p.names[5],
        // The seat only when the country's reference data is there (it always is after seeding).
        country_iso2: sql<string>`(select iso2 from country where iso2 = ${p.country})`,
        city: p.city,
        website: p.website,
        mandate_summary: p.mandate,
        dimensions: p.dimensions,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}
