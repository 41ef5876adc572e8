import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { sampleDocx, samplePdf } from './documents/sample-files.js';
import type { DocumentAccess, DocumentType } from './tables.js';

// The demonstration network: national focal points in many States (accounts without a password:
// the co-ordinator resets one to sign in as them), a small library in several of the six
// languages made on the spot, and two notices, one urgent and partly acknowledged.

const FOCAL_POINTS: Array<[string, string, string, string, string, string[]]> = [
  [
    'FR',
    'Claire Moreau',
    'Police aux frontières',
    'Head of the international co-operation unit',
    'Document fraud, joint patrols',
    ['fr', 'en'],
  ],
  ['DE', 'Jonas Keller', 'Bundespolizei', 'Liaison officer', 'Risk analysis at air borders', ['de', 'en']],
  [
    'IT',
    'Giulia Ferri',
    'Polizia di Stato, Direzione centrale immigrazione',
    'Senior officer',
    'Search and rescue, disembarkation',
    ['it', 'en'],
  ],
  ['GR', 'Nikos Papadakis', 'Hellenic Police', 'Border guard commander', 'Land border surveillance, Evros', ['el', 'en']],
  ['ES', 'Lucía Navarro', 'Policía Nacional', 'Inspector', 'Identification of trafficking victims', ['es', 'en', 'fr']],
  ['AT', 'Anna Gruber', 'Bundesministerium für Inneres', 'Desk officer', 'Return and readmission', ['de', 'en']],
  ['HU', 'Péter Nagy', 'Police Border Policing Department', 'Analyst', 'Green border monitoring', ['hu', 'en', 'de']],
  ['RS', 'Milan Jovanović', 'Border Police Directorate', 'Head of section', 'Western Balkans route', ['sr', 'en', 'ru']],
  ['MK', 'Elena Stojanovska', 'Ministry of Interior', 'Co-ordinator', 'Reception at the southern border', ['mk', 'en']],
  ['TR', 'Mehmet Yılmaz', 'Directorate General of Migration Management', 'Expert', 'Registration and profiling', ['tr', 'en']],
  ['UA', 'Olena Kovalenko', 'State Border Guard Service', 'Senior inspector', 'Forged travel documents', ['uk', 'ru', 'en']],
  ['GE', 'Giorgi Beridze', 'Border Police of Georgia', 'Deputy head', 'Integrated border management', ['ka', 'ru', 'en']],
  ['KZ', 'Aigerim Nurlanovna', 'Border Service', 'Officer', 'Cross-border co-operation in Central Asia', ['kk', 'ru']],
  ['UZ', 'Rustam Karimov', 'State Border Troops', 'Officer', 'Migration flows from Afghanistan', ['uz', 'ru']],
];

interface DemoDocument {
  title: string;
  summary: string;
  type: DocumentType;
  language: string;
  country: string | null;
  keyAreas: string[];
  issuedOn: string;
  source: string;
  access: DocumentAccess;
  kind: 'pdf' | 'docx' | 'txt';
  pages: string[][];
}

const DOCUMENTS: DemoDocument[] = [
  {
    title: 'Contrôles coordonnés aux frontières extérieures',
    summary: 'Guide pratique des patrouilles conjointes et de la vérification des documents de voyage.',
    type: 'good_practice',
    language: 'fr',
    country: 'FR',
    keyAreas: ['border_management'],
    issuedOn: '2024-05-14',
    source: 'Police aux frontières',
    access: 'network',
    kind: 'pdf',
    pages: [
      [
        'Les équipes communes vérifient les passeports falsifiés aux points de passage autorisés.',
        'Chaque contrôle est consigné et partagé avec les services voisins.',
      ],
      [
        'La protection des personnes vulnérables est assurée dès la première ligne, y compris l’orientation des victimes de la traite.',
      ],
    ],
  },
  {
    title: 'Обмен информацией о поддельных документах',
    summary: 'Стандартная процедура обмена сведениями между пограничными службами соседних государств.',
    type: 'sop',
    language: 'ru',
    country: 'UA',
    keyAreas: ['border_management', 'trafficking'],
    issuedOn: '2023-11-02',
    source: 'Государственная пограничная служба',
    access: 'network',
    kind: 'docx',
    pages: [
      [
        'Пограничная служба обменивается сведениями о поддельных документах с соседними государствами в течение суток.',
        'Совместное патрулирование позволяет выявлять новые маршруты незаконного ввоза мигрантов.',
      ],
    ],
  },
  {
    title: 'Leitfaden zur Identifizierung von Opfern des Menschenhandels',
    summary: 'Indikatoren und Verweisungswege für Grenzbeamte.',
    type: 'manual',
    language: 'de',
    country: 'AT',
    keyAreas: ['trafficking', 'protection'],
    issuedOn: '2022-09-20',
    source: 'Bundesministerium für Inneres',
    access: 'public',
    kind: 'pdf',
    pages: [
      ['Grenzbeamte achten auf Anzeichen von Menschenhandel: fehlende Ausweisdokumente, Angst, widersprüchliche Angaben.'],
      ['Mögliche Opfer werden an spezialisierte Beratungsstellen verwiesen; ihre Rechte werden erklärt.'],
    ],
  },
  {
    title: 'Rescate y desembarco: lecciones aprendidas',
    summary: 'Evaluación de las operaciones de desembarco en el Mediterráneo occidental.',
    type: 'evaluation',
    language: 'es',
    country: 'ES',
    keyAreas: ['protection', 'solidarity'],
    issuedOn: '2025-02-10',
    source: 'Policía Nacional',
    access: 'staff',
    kind: 'docx',
    pages: [['La coordinación entre salvamento marítimo y las autoridades fronterizas redujo el tiempo de desembarco.']],
  },
  {
    title: 'Formazione sulla gestione delle frontiere e i diritti umani',
    summary: 'Materiale per corsi di due giorni rivolti alla polizia di frontiera.',
    type: 'training',
    language: 'it',
    country: 'IT',
    keyAreas: ['border_management', 'protection'],
    issuedOn: '2024-01-30',
    source: 'Polizia di Stato',
    access: 'public',
    kind: 'pdf',
    pages: [['Il principio di non respingimento si applica a ogni persona intercettata in mare o alla frontiera terrestre.']],
  },
  {
    title: 'Model law provisions on integrated border management',
    summary: 'Provisions States may adapt when revising their border laws.',
    type: 'law',
    language: 'en',
    country: null,
    keyAreas: ['border_management'],
    issuedOn: '2021-06-01',
    source: 'OSCE Border Management Staff College',
    access: 'public',
    kind: 'txt',
    pages: [['Article 1. Border checks respect human dignity and the principle of non-refoulement.']],
  },
];

const emailOf = (iso2: string) => `focal.${iso2.toLowerCase()}@network.demo.example.org`;

/** Adds the demonstration network and library, once. */
export async function seedNetworkDemo(db: Kysely<DB>): Promise<void> {
  const done = await db.selectFrom('app_user').select('id').where('email', '=', emailOf(FOCAL_POINTS[0]![0])).executeTakeFirst();
  if (done) return;
  const users = new Map<string, string>();
  for (const [iso2, name, agency, fn, expertise, languages] of FOCAL_POINTS) {
    const user = await db
      .insertInto('app_user')
      .values({
        email: emailOf(iso2),
        name,
        language: languages[0] && ['fr', 'de', 'it', 'ru', 'es'].includes(languages[0]) ? languages[0] : 'en',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    users.set(iso2, user.id);
    await db
      .insertInto('network_focal_point')
      .values({
        country_iso2: iso2,
        user_id: user.id,
        agency,
        function: fn,
        expertise,
        languages: [],
        // The last one waits for the co-ordinator's confirmation.
        status: iso2 === 'UZ' ? 'nominated' : 'confirmed',
        confirmed_at: iso2 === 'UZ' ? null : new Date(Date.UTC(2026, 0, 15)),
        expires_on: iso2 === 'UZ' ? null : sql<string>`(current_date + interval '18 months')::date`,
      })
      .execute();
  }
  // Languages the reference data may not hold are left out rather than failing the seed.
  const known = new Set((await db.selectFrom('language').select('code').execute()).map((l) => l.code));
  for (const [iso2, , , , , languages] of FOCAL_POINTS) {
    await db
      .updateTable('network_focal_point')
      .set({ languages: languages.filter((l) => known.has(l)) })
      .where('user_id', '=', users.get(iso2)!)
      .execute();
  }

  for (const d of DOCUMENTS) {
    const bytes =
      d.kind === 'pdf'
        ? await samplePdf(d.title, d.pages)
        : d.kind === 'docx'
          ? await sampleDocx(d.title, d.pages.flat())
          : Buffer.from(d.pages.flat().join('\n\n'), 'utf8');
    const mediaType = {
      pdf: 'application/pdf',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      txt: 'text/plain',
    }[d.kind];
    const doc = await db
      .insertInto('library_document')
      .values({
        title: d.title,
        summary: d.summary,
        doc_type: d.type,
        language: d.language,
        country_iso2: d.country,
        key_areas: d.keyAreas,
        issued_on: d.issuedOn,
        source_organisation: d.source,
        access: d.access,
        created_by: d.country ? (users.get(d.country) ?? null) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The text is read by the library's worker once the platform runs, as for an upload.
    await db
      .insertInto('library_version')
      .values({
        document_id: doc.id,
        version: 1,
        file_name: `${d.title.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}.${d.kind}`,
        media_type: mediaType,
        byte_size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest(),
        content: bytes,
        page_count: d.kind === 'pdf' ? d.pages.length : null,
        uploaded_by: d.country ? (users.get(d.country) ?? null) : null,
      })
      .execute();
  }

  const members = [...users.entries()].filter(([iso2]) => iso2 !== 'UZ');
  const urgent = await db
    .insertInto('network_notice')
    .values({
      title: 'Forged Schengen visas in circulation',
      body: 'A series of forged visa stickers with a wrong hologram has been detected at three land crossings. Check the hologram under UV light.',
      urgent: true,
      author_id: users.get('FR')!,
      created_at: new Date(Date.UTC(2026, 10, 20, 9)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const recipients = members.filter(([iso2]) => iso2 !== 'FR');
  await db
    .insertInto('network_notice_recipient')
    .values(
      recipients.map(([, userId], i) => ({
        notice_id: urgent.id,
        user_id: userId,
        // About half have acknowledged it.
        acknowledged_at: i % 2 === 0 ? new Date(Date.UTC(2026, 10, 20, 10 + i)) : null,
      })),
    )
    .execute();
  await db
    .insertInto('network_notice_comment')
    .values({ notice_id: urgent.id, author_id: users.get('DE')!, body: 'Two cases at Munich airport last week, same hologram.' })
    .execute();
  const news = await db
    .insertInto('network_notice')
    .values({
      title: 'New smuggling route reported across the Drina',
      body: 'Groups are reported crossing at night near Zvornik; patrols have been reinforced.',
      subregion: 'south_eastern_europe',
      author_id: users.get('RS')!,
      created_at: new Date(Date.UTC(2026, 10, 25, 14)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const southEast = await db.selectFrom('country').select('iso2').where('subregion', '=', 'south_eastern_europe').execute();
  const inRegion = new Set(southEast.map((c) => c.iso2));
  const regional = members.filter(([iso2]) => iso2 !== 'RS' && inRegion.has(iso2));
  if (regional.length > 0) {
    await db
      .insertInto('network_notice_recipient')
      .values(regional.map(([, userId]) => ({ notice_id: news.id, user_id: userId, acknowledged_at: null })))
      .execute();
  }
}
