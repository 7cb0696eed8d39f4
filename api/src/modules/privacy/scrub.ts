// Account deletion scrubs what the person wrote: chat messages, forum posts and support ticket
// texts are replaced by a placeholder (the rows stay so threads keep their shape). Rows held as
// evidence stay until that closes: a message an open report points at, and the chat between the
// parties of an open dispute. The owners of those tables (community, support) do the scrub on
// the privacy events; the scrub job asks them again for each deleted account.
import { z } from "zod";
import type { Job } from "../../jobs/runner.js";
import { asSystem, defineCommand } from "../../lib/command.js";
import type { ScrubCounts } from "./privacy.events.js";
import "./privacy.events.js";

export const SCRUBBED_TEXT = "[removed: the author deleted their account]";

const scrubReleased = defineCommand({
  name: "privacy.scrubReleased",
  input: z.object({ userId: z.string() }),
  authorize: (g) => g.require(g.actor?.kind === "SYSTEM", "Only the platform scrubs released content"),
  run: async (c, _none, i): Promise<number> => {
    const counts: ScrubCounts = {};
    await c.emit("privacy.releasedContentScrub", { userId: i.userId, scrubbedText: SCRUBBED_TEXT, counts });
    return (counts.chat ?? 0) + (counts.forum ?? 0) + (counts.tickets ?? 0);
  },
});

/** Held rows of deleted accounts are scrubbed once their report or dispute has closed. */
export const scrubReleasedContentJob: Job = {
  name: "privacy.scrubReleased",
  async run(deps) {
    const deleted = await deps.db.accountDeletionRequest.findMany({ distinct: ["userId"], select: { userId: true }, take: 500, orderBy: { requestedAt: "desc" } });
    let n = 0;
    // One transaction per account, as before: a failure leaves the others scrubbed.
    for (const { userId } of deleted) n += await scrubReleased(asSystem("privacy.scrubReleased", deps), { userId });
    return n;
  },
};
