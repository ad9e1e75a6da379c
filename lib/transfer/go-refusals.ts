import "server-only";
import { randomUUID } from "node:crypto";
import { recordEvent } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { transferGoRefusals, type DeclarationReason } from "@/lib/db/schema";
import { goNameProblems, type InFolder, type OutFolder } from "@/lib/rules/batch-names";
import { goRefusal } from "./answers";
import type { TransferAccount } from "./auth";
import { contactLanguage } from "./contact-language";
import { transferStorage } from "./storage";

/**
 * GO files refused without closing a declaration (issue 15): a GO whose name is malformed, and a GO
 * that re-sends a declaration already answered (seed 000 §3.2: the sequence number names one sending;
 * a new sending takes a new number, as the portal refuses a re-used one).
 *
 * Exactly once per upload, across processes: the GO is first moved out of IN into the archive under
 * the refusal's id (an atomic rename, see TransferStorage.archive); only the process that moved it
 * answers. The answer's name carries the GO's name and the refusal's id, so no two answers collide.
 */

export const OUT_OF: Record<InFolder, OutFolder> = { IN: "OUT", INTEST: "OUTTEST", "INTEST-S": "OUTTEST-S" };

export type GoRefusalOutcome = { state: "refused"; answerFile: string; reasons: DeclarationReason[] } | { state: "duplicate" };

/**
 * Refuses the GO `goName` just completed in `folder`: claims it, writes `NOTIF.<goName>.<id>` in the
 * matching OUT folder, then records the row (« Transferts ») and the journal event in one transaction.
 * Returns `duplicate` when another process already claimed this GO.
 */
export async function refuseGo(account: TransferAccount, folder: InFolder, goName: string, kind: "name-malformed" | "already-answered", reasons: DeclarationReason[], ip: string): Promise<GoRefusalOutcome> {
  const id = randomUUID();
  const storage = transferStorage();
  if (!(await storage.archive(account.senderId, folder, goName, id))) return { state: "duplicate" };
  const now = new Date();
  const answer = goRefusal(goName, id.slice(0, 8), reasons, await contactLanguage(account.senderId), now);
  const outFolder = OUT_OF[folder];
  await storage.put(account.senderId, outFolder, answer.name, answer.bytes);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(transferGoRefusals).values({ id, senderId: account.senderId, accountId: account.accountId, channel: account.channel, kind, folder, goFile: goName, reasons, answerFile: `${outFolder}/${answer.name}`, receivedAt: now });
    await recordEvent(tx, {
      actorLabel: account.username,
      senderId: account.senderId,
      enterpriseId: account.enterpriseId,
      qualityId: account.qualityId,
      action: "transfer.go-refused",
      targetType: "file",
      targetId: goName,
      summary: { channel: account.channel, folder, kind, answer: answer.name, reasons: reasons.map((r) => r.code) },
      ip,
    });
  });
  return { state: "refused", answerFile: answer.name, reasons };
}

/** Refuses a GO whose name is not a GO name, naming each problem of the name (seed 000 §3.2). */
export function refuseMalformedGo(account: TransferAccount, folder: InFolder, goName: string, ip: string): Promise<GoRefusalOutcome> {
  const reasons: DeclarationReason[] = goNameProblems(goName).map((p) => ({ code: p.code, params: { ...p.params, file: goName } }));
  return refuseGo(account, folder, goName, "name-malformed", reasons, ip);
}
