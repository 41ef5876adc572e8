import { type RawBuilder, sql } from 'kysely';
import type { Reader } from '../membership.js';

/**
 * The one condition that decides which library documents a reader may open, on the alias given:
 * every list, search, facet, count and download filters with it, in SQL.
 * - public: anyone;
 * - network: the network's members and OSCE staff;
 * - staff: OSCE staff;
 * - groups: the members of one of the document's named groups;
 * and always its uploader and whoever runs the network.
 */
export function readable(reader: Reader, alias: string): RawBuilder<boolean> {
  if (reader.all) return sql<boolean>`true`;
  const access = sql.ref(`${alias}.access`);
  const levels = ['public'];
  if (reader.member || reader.staff) levels.push('network');
  if (reader.staff) levels.push('staff');
  const byLevel = sql<boolean>`${access} in (${sql.join(levels)})`;
  if (!reader.userId) return byLevel;
  return sql<boolean>`(${byLevel}
    or ${sql.ref(`${alias}.created_by`)} = ${reader.userId}
    or (${access} = 'groups' and exists (select 1 from library_document_group dg
      join library_group_member gm on gm.group_id = dg.group_id
      where dg.document_id = ${sql.ref(`${alias}.id`)} and gm.user_id = ${reader.userId})))`;
}
