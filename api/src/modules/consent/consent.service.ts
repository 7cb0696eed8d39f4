// Recording consent (seed 000): the platform itself never records. If the parties want to record
// a session, each gives written consent for that session (text and time stored). A session is
// reported as consented only while BOTH parties' consents stand; withdrawing ends it.
import { z } from "zod";
import { defineCommand, type CommandContext, type Guard } from "../../lib/command.js";
import { conflict, notFound } from "../../lib/errors.js";
import { zId, zText } from "../../lib/validate.js";
import type { RecordingConsent, Session } from "../../generated/prisma/client.js";

/** Derived, never stored: both participants consented and neither withdrew. */
export function bothConsented(s: Pick<Session, "mentorId" | "menteeId">, consents: Pick<RecordingConsent, "userId" | "withdrawnAt">[]): boolean {
  const standing = new Set(consents.filter((c) => !c.withdrawnAt).map((c) => c.userId));
  return standing.has(s.mentorId) && standing.has(s.menteeId);
}

const loadSession = async (c: CommandContext, sessionId: string) => {
  const s = await c.tx.session.findUnique({ where: { id: sessionId } });
  if (!s) throw notFound("Session", sessionId);
  return s;
};

/**
 * Only the two participants consent, each for themselves. Consent belongs to taking the session,
 * so a booking suspension refuses it with its reason. Strangers see no such session.
 */
function authorizeParticipant(g: Guard, s: Session): void {
  const me = g.user();
  if (s.mentorId !== me.id && s.menteeId !== me.id) {
    g.require(me.role !== "ADMIN" && me.role !== "SUPPORT", "Only the two participants consent to a recording");
    throw notFound("Session", s.id);
  }
  g.can("join", "Session", s);
  g.can("create", "RecordingConsent", { userId: me.id, sessionId: s.id });
}
const me = (c: CommandContext) => (c.actor as { id: string }).id;

const giveInput = z.object({
  sessionId: zId,
  // the written consent, as the user typed or confirmed it
  text: zText(2000).min(10, "must state the consent in writing (10+ characters)"),
});

export const giveRecordingConsent = defineCommand({
  name: "consent.give",
  input: giveInput,
  load: (c, i) => loadSession(c, i.sessionId),
  authorize: authorizeParticipant,
  run: async (c, s, i): Promise<RecordingConsent> => {
    const now = c.now;
    if (s.state !== "SCHEDULED" && s.state !== "LIVE") throw conflict(`The session is ${s.state.toLowerCase()}; consent is given before or during it`);
    const row = await c.tx.recordingConsent.upsert({
      where: { sessionId_userId: { sessionId: s.id, userId: me(c) } },
      create: { sessionId: s.id, userId: me(c), text: i.text, givenAt: now },
      update: { text: i.text, givenAt: now, withdrawnAt: null },
    });
    const other = me(c) === s.mentorId ? s.menteeId : s.mentorId;
    await c.notify([{ userId: other, kind: "recording.consent", subject: "Recording consent given", body: "The other participant consents to recording this session. Nothing may be recorded unless you consent too.", payload: { sessionId: s.id }, dedupeKey: `recording-consent:${row.id}:${now.getTime()}`, channels: ["IN_APP"] }]);
    return row;
  },
});

const withdrawInput = z.object({ sessionId: zId });

export const withdrawRecordingConsent = defineCommand({
  name: "consent.withdraw",
  input: withdrawInput,
  load: (c, i) => loadSession(c, i.sessionId),
  // Withdrawing is never suspended: a party can always take their consent back.
  authorize: (g, s) => {
    const user = g.user();
    if (s.mentorId !== user.id && s.menteeId !== user.id) {
      g.require(user.role !== "ADMIN" && user.role !== "SUPPORT", "Only the two participants consent to a recording");
      throw notFound("Session", s.id);
    }
    g.can("update", "RecordingConsent", { userId: user.id, sessionId: s.id });
  },
  run: async (c, s): Promise<RecordingConsent> => {
    const row = await c.tx.recordingConsent.findUnique({ where: { sessionId_userId: { sessionId: s.id, userId: me(c) } } });
    if (!row) throw notFound("Recording consent");
    if (row.withdrawnAt) return row;
    return c.tx.recordingConsent.update({ where: { id: row.id }, data: { withdrawnAt: c.now } });
  },
});
