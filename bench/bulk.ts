// Bulk inserts for the benchmark seed: one statement per few thousand rows, each column sent as ONE
// text[] parameter and unnested by the server. That is one parse per batch instead of one per row,
// and the parameter count stays far below PostgreSQL's 65,535 whatever the batch size.
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";

export const BATCH_ROWS = 5_000;

/** A column filled from a text[] parameter and cast server-side (`uuid`, `jsonb`, an enum type…). */
export interface TextColumn {
  name: string;
  cast: string;
  values: Array<string | null>;
}

/** A column with the same value on every row, sent once per statement (e.g. the shared certificate DER). */
export interface ConstantColumn {
  name: string;
  cast: string;
  value: string | Uint8Array;
}

export async function insertColumns(
  q: Queryable,
  table: string,
  columns: TextColumn[],
  constants: ConstantColumn[] = [],
  returning?: string,
): Promise<Array<Record<string, unknown>>> {
  const rowCount = columns[0]?.values.length ?? 0;
  if (rowCount === 0) return [];
  if (columns.some((c) => c.values.length !== rowCount)) throw new Error(`insertColumns(${table}): columns of unequal length`);
  const names = [...columns.map((c) => c.name), ...constants.map((c) => c.name)].map((n) => `"${n}"`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`);
  const selected: SQL[] = [
    ...columns.map((c, i) => sql.raw(`c${i}::${c.cast}`)),
    ...constants.map((c) => sql`${sql.param(c.value)}::${sql.raw(c.cast)}`),
  ];
  const arrays = sql.join(
    columns.map((c) => sql`${sql.param(c.values)}::text[]`),
    sql`, `,
  );
  const statement = sql`insert into ${sql.raw(`"${table}"`)} (${sql.raw(names)}) select ${sql.join(selected, sql`, `)} from unnest(${arrays}) as u(${sql.raw(aliases.join(", "))})${returning ? sql.raw(` returning ${returning}`) : sql``}`;
  const result = await q.execute(statement);
  return (result as unknown as { rows: Array<Record<string, unknown>> }).rows ?? [];
}

/** Column-wise rows built by a generator, inserted BATCH_ROWS at a time. */
export class ColumnBatch {
  private readonly values: Array<Array<string | null>>;

  constructor(
    private readonly table: string,
    private readonly columns: Array<{ name: string; cast: string }>,
    private readonly constants: ConstantColumn[] = [],
  ) {
    this.values = columns.map(() => []);
  }

  get size(): number {
    return this.values[0]?.length ?? 0;
  }

  push(row: Array<string | null>): void {
    row.forEach((value, i) => this.values[i]?.push(value));
  }

  /** Inserts what was pushed when a batch is full (or always, with `force`), then starts afresh. */
  async flush(q: Queryable, force = false): Promise<void> {
    if (this.size === 0 || (!force && this.size < BATCH_ROWS)) return;
    await insertColumns(
      q,
      this.table,
      this.columns.map((c, i) => ({ ...c, values: this.values[i] ?? [] })),
      this.constants,
    );
    for (const column of this.values) column.length = 0;
  }
}
