import { sql } from "drizzle-orm";
import { delegations } from "@/lib/db/schema";

/** resend_count + 1, computed by the database so concurrent re-sends never lose a count. */
export function sqlIncrement() {
  return sql`${delegations.resendCount} + 1`;
}
