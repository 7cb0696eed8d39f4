// Demo data for the trust rules: a mentorship request waiting for the other side's consent.
import type { Db } from "../src/lib/db.js";

export async function seedTrustDemo(db: Db, ids: Record<string, string>, now: Date): Promise<void> {
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
  // Zoe asked Kenji to mentor her yesterday; it becomes active only when Kenji accepts, and
  // lapses after the policy's 14 days.
  await db.mentorship.create({
    data: {
      mentorId: ids["mentor2@demo.local"], menteeId: ids["mentee2@demo.local"], status: "PENDING", startedBy: "MENTEE",
      menteeAcceptedAt: at(-20), expiresAt: at(-20 + 14 * 24), createdAt: at(-20),
    },
  });
}
