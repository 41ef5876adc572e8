import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataDirectoryWarning } from './data-dir.js';

const TMPFS = 0x01021994;
const typeOf = (dir: string) => (fs.existsSync(dir) ? Number(fs.statfsSync(dir).type) : undefined);

describe('where the embedded database may live', () => {
  it('warns about a data directory in memory (tmpfs), which a restart of the machine empties', () => {
    if (typeOf('/dev/shm') !== TMPFS) return; // no tmpfs here to try
    expect(dataDirectoryWarning('/dev/shm')).toMatch(/tmpfs, in memory.*lost when the machine restarts/);
  });

  it('says nothing about a local disk or the in-memory test database', () => {
    expect(dataDirectoryWarning('memory://')).toBeUndefined();
    if (typeOf(process.cwd()) === 0xef53) expect(dataDirectoryWarning(process.cwd())).toBeUndefined(); // ext4
  });
});
