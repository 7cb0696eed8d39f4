// Runs the detectors over user content and files a report by the system actor for each hit, into
// the same review queue as user reports (seed 003: proactive monitoring). Chat and forum code
// calls `scanContent` with the message; the users module calls it for profile text.
import type { ServiceDeps } from "../../lib/deps.js";
import { systemActor } from "../../authz/viewer.js";
import { sha256 } from "../../lib/ids.js";
import { currentPolicy } from "../policy/index.js";
import { detectAll, type DetectorHit } from "./detectors.js";
import { fileSystemReport } from "./system-reports.js";

export interface ContentToScan {
  authorId: string;
  /** Where the text lives, e.g. "profile.bio", "chat", "forum". */
  source: string;
  /** The row the text belongs to (message id, profile user id). */
  refId: string;
  text: string;
  programId?: string;
  messageId?: string;
  /** For chat/forum: the author's recent message times, for the spam-burst rule. */
  recentMessageTimes?: Date[];
}

export async function scanContent(deps: Pick<ServiceDeps, "db" | "pubsub" | "clock" | "requestId">, c: ContentToScan): Promise<{ hits: DetectorHit[]; reportIds: string[] }> {
  if (!c.text.trim() && !c.recentMessageTimes?.length) return { hits: [], reportIds: [] };
  const { values } = await currentPolicy(deps.db);
  const now = deps.clock.now();
  const hits = detectAll(c.text, values.safety, c.recentMessageTimes ? { recentMessageTimes: c.recentMessageTimes, now } : undefined);
  const reportIds: string[] = [];
  const digest = sha256(c.text).slice(0, 16);
  for (const h of hits) {
    // One report per rule and content version: the same text is not reported twice, and a
    // dismissed false positive stays dismissed.
    const r = await fileSystemReport(deps, systemActor("safety.detectors"), {
      subjectId: c.authorId,
      category: h.category,
      description: `${h.description} (${c.source})`,
      detectorRule: h.rule,
      evidence: { source: c.source, refId: c.refId, match: h.match, excerpt: c.text.slice(0, 500) },
      dedupeKey: `detector:${h.rule}:${c.authorId}:${c.source}:${c.refId}:${h.rule === "spam.burst" ? now.toISOString().slice(0, 13) : digest}`,
      messageId: c.messageId,
      programId: c.programId,
    });
    if (r) reportIds.push(r.id);
  }
  return { hits, reportIds };
}
