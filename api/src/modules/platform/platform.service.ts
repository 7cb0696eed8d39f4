import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { parseInput } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import { recordAudit, announceAudit } from "../audit/index.js";

export type Terminology = { platformName: string; mentorLabel: string; menteeLabel: string; sessionLabel: string };

/** Terminology in force; the row is created with defaults on first read. */
export async function getPlatform(db: DbTx) {
  return (
    (await db.platformConfig.findUnique({ where: { id: "default" } })) ??
    db.platformConfig.upsert({ where: { id: "default" }, create: { id: "default" }, update: {} })
  );
}

const label = z.string().trim().min(1).max(40);
const updateInput = z.object({
  platformName: label.optional(),
  mentorLabel: label.optional(),
  menteeLabel: label.optional(),
  sessionLabel: label.optional(),
});

export async function updatePlatform(deps: ServiceDeps, input: unknown) {
  const data = parseInput(updateInput, input);
  assertCan(deps.ability, "update", "PlatformConfig");
  const audits: { id: string }[] = [];
  const row = await deps.db.$transaction(async (tx) => {
    const before = await getPlatform(tx);
    const after = await tx.platformConfig.update({ where: { id: "default" }, data });
    audits.push(await recordAudit(tx, deps.actor, { action: "platform.update", subjectType: "PlatformConfig", subjectId: "default", before, after }, deps.requestId));
    return after;
  });
  announceAudit(deps.pubsub, audits);
  return row;
}

/** "mentor" -> "Mentor", for the start of a sentence in notices. */
export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
