import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "./client";

/**
 * Records that a half-done write would leave behind (SPEC §3: every account has its certificate,
 * FTP/SFTP/REST accounts at least one permission). Used by the crash-safety script and the tests.
 */
export async function findPartialRecords(q: Queryable): Promise<Array<{ kind: string; id: string }>> {
  // Both drivers (PGlite and node-postgres) return the rows under `rows`.
  const result = (await q.execute(sql`
    select 'account-without-certificate' as kind, a.id::text as id from accounts a
      where not exists (select 1 from certificates c where c.account_id = a.id)
    union all
    select 'account-without-permission', a.id::text from accounts a
      where a.type in ('FTP', 'SFTP', 'REST') and not exists (select 1 from account_permissions p where p.account_id = a.id)
    union all
    select 'ftp-without-credentials', a.id::text from accounts a
      where a.type = 'FTP' and (a.username is null or a.password_hash is null)
    union all
    select 'sftp-without-credentials', a.id::text from accounts a
      where a.type = 'SFTP' and (a.username is null or a.ssh_public_key is null)
    union all
    select 'rest-without-client-id', a.id::text from accounts a
      where a.type = 'REST' and a.client_id is null
    union all
    select 'sender-without-quality', s.id::text from senders s
      where not exists (select 1 from enterprise_qualities e where e.id = s.enterprise_quality_id)
  `)) as unknown as { rows: Array<{ kind: string; id: string }> };
  return result.rows;
}
