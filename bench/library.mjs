// Library figures: indexing N documents of 20–50 pages each (BENCH_LIBRARY_DOCUMENTS, 2,000; a few
// dozen with --quick), the p95 latency of a full-text search inside them (the library's own search
// service: access condition, facets, passages) against the p95 of a plain indexed select of a
// page of the same table (one country's documents, by its index) in the same run, and text extraction throughput in pages per second (the
// library's worker reading BENCH_LIBRARY_PDFS real PDFs made on the spot). Each figure is measured
// REPEATS times; the median and the spread are printed. PGlite always, PostgreSQL too when
// BENCH_DATABASE_URL or TEST_DATABASE_URL names a server (BENCH_LIBRARY_BACKENDS narrows them).
import { createHash } from 'node:crypto';
import { benchBackends, dist, figure, figureSeries, openFresh, repeat, sized } from './lib.mjs';

const DOCUMENTS = sized('BENCH_LIBRARY_DOCUMENTS', 2_000, 40);
const SEARCHES = sized('BENCH_LIBRARY_SEARCHES', 50, 15);
const PDFS = sized('BENCH_LIBRARY_PDFS', 10, 3);

// Sentences of border-management prose in the six languages; each page draws from one language.
const SENTENCES = {
  en: [
    'Joint patrols check travel documents at the authorised crossing points.',
    'Officers refer possible victims of trafficking to specialised support services.',
    'Risk analysis identifies new smuggling routes across the green border.',
    'Every check is recorded and shared with the neighbouring services.',
  ],
  fr: [
    'Les équipes communes vérifient les passeports falsifiés aux points de passage autorisés.',
    'La protection des personnes vulnérables est assurée dès la première ligne.',
    'Les passeurs changent d’itinéraire après chaque contrôle renforcé.',
    'Chaque contrôle est consigné et partagé avec les services voisins.',
  ],
  de: [
    'Grenzbeamte achten auf Anzeichen von Menschenhandel und widersprüchliche Angaben.',
    'Mögliche Opfer werden an spezialisierte Beratungsstellen verwiesen.',
    'Gemeinsame Streifen kontrollieren die Reisedokumente an der Landgrenze.',
  ],
  it: [
    'Il principio di non respingimento si applica a ogni persona intercettata in mare.',
    'Le pattuglie congiunte verificano i documenti di viaggio alla frontiera terrestre.',
    'Le vittime della tratta sono indirizzate verso i servizi di protezione.',
  ],
  ru: [
    'Пограничная служба обменивается сведениями о поддельных документах с соседними государствами.',
    'Совместное патрулирование позволяет выявлять новые маршруты незаконного ввоза мигрантов.',
    'Каждая проверка регистрируется и передаётся соседним службам.',
  ],
  es: [
    'La coordinación entre salvamento marítimo y las autoridades fronterizas redujo el tiempo de desembarco.',
    'Los equipos conjuntos verifican los documentos de viaje en los pasos autorizados.',
    'Las posibles víctimas de trata son derivadas a servicios especializados.',
  ],
};
const LANGUAGES = Object.keys(SENTENCES);
const TYPES = ['law', 'sop', 'manual', 'training', 'evaluation', 'good_practice'];
const ACCESS = ['public', 'network', 'staff'];
const COUNTRIES = ['FR', 'DE', 'IT', 'ES', 'AT', 'RS', 'UA', 'GE', 'KZ', 'TR'];
const KEY_AREAS = ['solidarity', 'protection', 'trafficking', 'border_management', 'relocation_integration'];
const QUERIES = [
  'passeports falsifiés',
  'поддельных документах',
  'Menschenhandel',
  'smuggling routes',
  'desembarco',
  'pattuglie congiunte',
];

/** A small deterministic generator, so that every run indexes the same library. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The pages of document `n`: 20 to 50 pages of about 1,500 characters each. */
function pagesOf(n, random) {
  const language = LANGUAGES[n % LANGUAGES.length];
  const count = 20 + Math.floor(random() * 31);
  const sentences = SENTENCES[language];
  return {
    language,
    pages: Array.from({ length: count }, (_, p) =>
      Array.from({ length: 18 }, (_, s) => `${sentences[(n + p + s) % sentences.length]} (${n}.${p + 1}.${s + 1})`).join(' '),
    ),
  };
}

const p95 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];

async function suite(backend) {
  const { database, drop } = await openFresh(backend, { name: 'library', reference: true });
  const db = database.db;
  const { searchLibrary } = await import(dist('network/search/service.js'));
  const { extractText } = await import(dist('network/documents/reader.js'));
  const { samplePdf } = await import(dist('network/documents/sample-files.js'));
  const { loadConfig } = await import(dist('config.js'));
  const { sql } = await import('kysely');
  try {
    const user = await db
      .insertInto('app_user')
      .values({ email: 'bench.member@example.org', name: 'Bench member', language: 'en', password_hash: null })
      .returning(['id', 'email', 'name'])
      .executeTakeFirstOrThrow();
    await db
      .insertInto('network_focal_point')
      .values({
        country_iso2: 'FR',
        user_id: user.id,
        agency: 'Border Police',
        status: 'confirmed',
        confirmed_at: new Date(),
        expires_on: sql`(current_date + 365)`,
      })
      .execute();
    const ctx = {
      db,
      actor: {
        userId: user.id,
        email: user.email,
        name: user.name,
        language: 'en',
        mustChangePassword: false,
        grants: [],
        sessionId: 'bench',
        csrfToken: 'bench',
      },
      requestId: 'bench',
      address: '127.0.0.1',
      config: loadConfig({}),
    };

    // Indexing: each document with its current version's text, as the worker leaves it; the
    // text index is computed by the database on insert.
    const random = generator(2026);
    let pagesIndexed = 0;
    const started = performance.now();
    for (let n = 0; n < DOCUMENTS; n++) {
      const { language, pages } = pagesOf(n, random);
      const text = pages.join('\n\n');
      pagesIndexed += pages.length;
      const content = Buffer.from(text, 'utf8');
      await db.transaction().execute(async (trx) => {
        const doc = await trx
          .insertInto('library_document')
          .values({
            title: `${TYPES[n % TYPES.length]} ${n}: ${SENTENCES[language][0].slice(0, 60)}`,
            summary: SENTENCES[language][1],
            doc_type: TYPES[n % TYPES.length],
            language,
            country_iso2: COUNTRIES[n % COUNTRIES.length],
            key_areas: [KEY_AREAS[n % KEY_AREAS.length]],
            issued_on: `${2015 + (n % 11)}-0${1 + (n % 9)}-15`,
            access: ACCESS[Math.floor(n / LANGUAGES.length) % ACCESS.length],
            body_text: text,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('library_version')
          .values({
            document_id: doc.id,
            version: 1,
            file_name: `document-${n}.txt`,
            media_type: 'text/plain',
            byte_size: content.length,
            sha256: createHash('sha256').update(content).digest(),
            content,
            page_count: pages.length,
            extraction: 'done',
            pages_done: pages.length,
            text,
          })
          .execute();
      });
    }
    const seconds = (performance.now() - started) / 1000;
    figure(`library.index.documents_per_second.${backend}`, DOCUMENTS / seconds, 'documents/s', {
      backend,
      documents: DOCUMENTS,
      pages: pagesIndexed,
      seconds: Number(seconds.toFixed(1)),
    });
    figure(`library.index.pages_per_second.${backend}`, pagesIndexed / seconds, 'pages/s', { backend, documents: DOCUMENTS });
    if (backend === 'postgres') await sql`analyze`.execute(db);

    // Search against a plain indexed select of one page of the same table, in alternation.
    const searchP95 = [];
    const plainP95 = [];
    await repeat(
      async (round) => {
        const search = [];
        const plain = [];
        for (let i = 0; i < SEARCHES; i++) {
          const q = QUERIES[(round + i) % QUERIES.length];
          let t0 = performance.now();
          const result = await searchLibrary(ctx, { q, limit: 20, offset: 0 });
          search.push(performance.now() - t0);
          if (result.total === 0) throw new Error(`The search for "${q}" found nothing.`);
          t0 = performance.now();
          await db
            .selectFrom('library_document')
            .select(['id', 'title', 'doc_type', 'language', 'created_at'])
            .where('country_iso2', '=', COUNTRIES[(round + i) % COUNTRIES.length])
            .orderBy('id')
            .limit(20)
            .execute();
          plain.push(performance.now() - t0);
        }
        searchP95.push(p95(search));
        plainP95.push(p95(plain));
      },
      { warmUp: () => searchLibrary(ctx, { q: QUERIES[0], limit: 20, offset: 0 }) },
    );
    const s = figureSeries(`library.search.p95.${backend}`, searchP95, 'ms', {
      backend,
      documents: DOCUMENTS,
      searches: SEARCHES,
    });
    const b = figureSeries(`library.plain_select.p95.${backend}`, plainP95, 'ms', { backend, documents: DOCUMENTS });
    figure(`library.search.ratio.${backend}`, s.median / b.median, 'x', { backend, documents: DOCUMENTS });

    // Extraction: the library's worker reading real PDFs of 20–50 pages, page by page.
    const pdfs = [];
    const pdfRandom = generator(7);
    for (let n = 0; n < PDFS; n++) {
      const { pages } = pagesOf(n, pdfRandom);
      pdfs.push({
        bytes: await samplePdf(
          `Bench ${n}`,
          pages.map((p) => [p]),
        ),
        pages: pages.length,
      });
    }
    const rates = await repeat(async () => {
      let pages = 0;
      const t0 = performance.now();
      for (const pdf of pdfs) {
        const result = await extractText(pdf.bytes, 'application/pdf');
        if (!result.text) throw new Error('A PDF gave no text.');
        pages += pdf.pages;
      }
      return pages / ((performance.now() - t0) / 1000);
    });
    figureSeries(`library.extract.pages_per_second.${backend}`, rates, 'pages/s', {
      backend,
      pdfs: PDFS,
      pages: pdfs.reduce((sum, p) => sum + p.pages, 0),
    });
  } finally {
    await database.close?.();
    await drop();
  }
}

export async function run() {
  for (const backend of benchBackends('BENCH_LIBRARY_BACKENDS')) await suite(backend);
}
