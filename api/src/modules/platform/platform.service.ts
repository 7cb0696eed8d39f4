import { z } from "zod";
import type { DbTx } from "../../lib/db.js";
import { defineCommand } from "../../lib/command.js";

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

export const updatePlatform = defineCommand({
  name: "platform.update",
  input: updateInput,
  load: (c) => getPlatform(c.tx),
  authorize: (g, before) => g.can("update", "PlatformConfig", before),
  run: async (c, before, data) => {
    const after = await c.tx.platformConfig.update({ where: { id: "default" }, data: { ...data, updatedAt: c.now } });
    await c.audit({ action: "platform.update", subjectType: "PlatformConfig", subjectId: "default", before, after });
    return after;
  },
});

/** "mentor" -> "Mentor", for the start of a sentence in notices. */
export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
