import type { Worker } from '../jobs/job.js';
import { startExtraction } from './documents/extraction.js';

/** Every instance reads the text of uploaded documents; claims in the database keep each to one reader. */
export const networkWorkers: Worker[] = [{ name: 'network.extract_text', start: (db, _config, log) => startExtraction(db, log) }];
