import type { AccessTable } from '../access-table.js';

export const BACKUP_ROWS: AccessTable = {
  'GET /api/backup': { who: ['coordinator'], ok: 200 },
};
