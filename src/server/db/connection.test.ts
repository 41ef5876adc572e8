import { describe, expect, it } from 'vitest';
import { type Database, openingDatabase } from './connection.js';

/** A database that only records its query listeners. */
function recordingDatabase() {
  const listeners = new Set<(milliseconds: number) => void>();
  const database: Database = {
    db: {} as Database['db'],
    backend: 'pglite',
    close: async () => {},
    usage: () => ({ open: 1, idle: 1, waiting: 0 }),
    onQuery: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return { database, listeners };
}

describe('a database still opening', () => {
  it('refuses queries until it is open, and then is that database', async () => {
    const { database } = recordingDatabase();
    let resolve: (value: Database) => void = () => {};
    const opening = new Promise<Database>((r) => {
      resolve = r;
    });
    const standIn = openingDatabase('pglite', opening);
    expect(() => standIn.db).toThrow(/still opening/);
    expect(standIn.usage()).toEqual({ open: 0, idle: 0, waiting: 0 });
    resolve(database);
    await opening;
    expect(standIn.db).toBe(database.db);
    expect(standIn.usage()).toEqual({ open: 1, idle: 1, waiting: 0 });
  });

  it('hands the query listeners taken meanwhile to the database once open, and lets them go', async () => {
    const { database, listeners } = recordingDatabase();
    let resolve: (value: Database) => void = () => {};
    const opening = new Promise<Database>((r) => {
      resolve = r;
    });
    const standIn = openingDatabase('pglite', opening);
    const heard: number[] = [];
    const stop = standIn.onQuery((milliseconds) => heard.push(milliseconds));
    expect(listeners.size).toBe(0);
    resolve(database);
    await opening;
    for (const listener of listeners) listener(7);
    expect(heard).toEqual([7]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('closes nothing when the database failed to open', async () => {
    const opening = Promise.reject(new Error('in use'));
    const standIn = openingDatabase('pglite', opening);
    await expect(standIn.close()).resolves.toBeUndefined();
    expect(() => standIn.db).toThrow(/still opening/);
  });
});
