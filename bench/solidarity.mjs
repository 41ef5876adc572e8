// Solidarity figures: the distribution-key calculator in process (a 57-State key with six criteria,
// two of them capped, and the largest-remainder rounding of 10,000 quotas), and the public compute
// route of a running server on PGlite, against a bare route of the same server in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { figure, load, ROOT, sized, startServer } from './lib.mjs';

const seconds = sized('BENCH_SECONDS', 3, 1);
const calculator = path.join(ROOT, 'dist', 'server', 'solidarity', 'keys', 'calculator.js');

/** Deterministic pseudo-random values, so that every run computes the same key. */
function generator(seed) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function key57() {
  const random = generator(57);
  const codes = ['population', 'gdp', 'unemployment_rate', 'asylum', 'reception', 'integration'];
  const weights = [0.3, 0.3, 0.1, 0.1, 0.1, 0.1];
  return {
    criteria: codes.map((code, i) => ({
      code,
      label: code,
      weight: weights[i],
      direction: i === 2 || i === 3 ? 'inverse' : 'proportional',
      cap: i === 2 || i === 3 ? 0.3 : null,
    })),
    states: Array.from({ length: 57 }, (_, s) => ({
      iso2: String.fromCharCode(65 + Math.floor(s / 26), 65 + (s % 26)),
      values: Object.fromEntries(codes.map((code) => [code, 0.5 + random() * 1000])),
    })),
    total: 160_000,
  };
}

function timeIt(fn, runs) {
  for (let i = 0; i < Math.min(100, runs); i++) fn();
  const started = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - started) / runs;
}

export async function run() {
  const { computeKey, largestRemainder } = await import(calculator);
  const definition = key57();
  figure(
    'solidarity.compute_key_57_states.ms',
    timeIt(() => computeKey(definition), 2000),
    'ms',
    { criteria: 6, capped: 2 },
  );
  const random = generator(10_000);
  const shares = Array.from({ length: 10_000 }, () => random());
  const codes = shares.map((_, i) => String(i).padStart(5, '0'));
  figure(
    'solidarity.largest_remainder_10000.ms',
    timeIt(() => largestRemainder(shares, 1_000_000, codes), 50),
    'ms',
  );

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-bench-solidarity-'));
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
  try {
    const body = JSON.stringify(definition);
    // Warm both routes first, so that the order of the runs does not decide the ratio.
    await load(server.port, '/api/problems', { seconds: 1 });
    await load(server.port, '/api/solidarity/keys/eu-2015-09', { seconds: 1 });
    const bare = await load(server.port, '/api/problems', { seconds });
    const preset = await load(server.port, '/api/solidarity/keys/eu-2015-09', { seconds });
    figure('solidarity.http.bare.rps', bare.rps, 'req/s', { backend: 'pglite', errors: bare.errors });
    figure('solidarity.http.preset_key.rps', preset.rps, 'req/s', {
      backend: 'pglite',
      errors: preset.errors,
      p99_ms: preset.p99,
    });
    figure('solidarity.http.preset_key.ratio', preset.rps / bare.rps, 'ratio', { backend: 'pglite' });
    const started = performance.now();
    let posted = 0;
    while (performance.now() - started < seconds * 1000) {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/solidarity/compute`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`compute answered ${response.status}`);
      posted++;
    }
    figure('solidarity.http.compute_57_states.rps', posted / ((performance.now() - started) / 1000), 'req/s', {
      backend: 'pglite',
      concurrency: 1,
    });
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
