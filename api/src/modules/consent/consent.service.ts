// Recording consent (seed 000): the platform itself never records. If the parties want to record
// a session, each gives written consent for that session (text and time stored). A session is
// reported as consented only while BOTH parties' consents stand; withdrawing ends it.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { DomainError, conflict, notFound } from "../../lib/errors.js";
import { parseInput, zId, zText } from "../../lib/validate.js";
import type { RecordingConsent, Session } from "../../generated/prisma/client.js";
import { enqueueNotices, announceNotices } from "../notifications/index.js";

const TX = { maxWait: 20_000, timeout: 20_000 } as const;

/** Derived, never stored: both participants consented and neither withdrew. */
export function bothConsented(s: Pick<Session, "mentorId" | "menteeId">, consents: Pick<RecordingConsent, "userId" | "withdrawnAt">[]): boolean {
  const standing = new Set(consents.filter((c) => !c.withdrawnAt).map((c) => c.userId));
  return standing.has(s.mentorId) && standing.has(s.menteeId);
}

async function participantSession(deps: ServiceDeps, tx: DbTx, sessionId: string) {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  const me = deps.actor.id;
  const s = await tx.session.findUnique({ where: { id: sessionId } });
  if (!s) throw notFound("Session", sessionId);
  if (s.mentorId !== me && s.menteeId !== me) {
    if (deps.actor.role === "ADMIN" || deps.actor.role === "SUPPORT") throw new DomainError("FORBIDDEN", "Only the two participants consent to a recording");
    throw notFound("Session", sessionId);
  }
  return { s, me };
}

const giveInput = z.object({
  sessionId: zId,
  // the written consent, as the user typed or confirmed it
  text: zText(2000).min(10, "must state the consent in writing (10+ characters)"),
});

export async function giveRecordingConsent(deps: ServiceDeps, input: unknown): Promise<RecordingConsent> {
  const i = parseInput(giveInput, input);
  const now = deps.clock.now();
  const { row, created } = await deps.db.$transaction(async (tx) => {
    const { s, me } = await participantSession(deps, tx, i.sessionId);
    if (s.state !== "SCHEDULED" && s.state !== "LIVE") throw conflict(`The session is ${s.state.toLowerCase()}; consent is given before or during it`);
    const row = await tx.recordingConsent.upsert({
      where: { sessionId_userId: { sessionId: s.id, userId: me } },
      create: { sessionId: s.id, userId: me, text: i.text, givenAt: now },
      update: { text: i.text, givenAt: now, withdrawnAt: null },
    });
    const other = me === s.mentorId ? s.menteeId : s.mentorId;
    const created = await enqueueNotices(
      tx,
      [{ userId: other, kind: "recording.consent", subject: "Recording consent given", body: "The other participant consents to recording this session. Nothing may be recorded unless you consent too.", payload: { sessionId: s.id }, dedupeKey: `recording-consent:${row.id}:${now.getTime()}`, channels: ["IN_APP"] }],
      now,
    );
    return { row, created };
  }, TX);
  announceNotices(deps.pubsub, created);
  return row;
}

const withdrawInput = z.object({ sessionId: zId });

export async function withdrawRecordingConsent(deps: ServiceDeps, input: unknown): Promise<RecordingConsent> {
  const i = parseInput(withdrawInput, input);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const { s, me } = await participantSession(deps, tx, i.sessionId);
    const row = await tx.recordingConsent.findUnique({ where: { sessionId_userId: { sessionId: s.id, userId: me } } });
    if (!row) throw notFound("Recording consent");
    if (row.withdrawnAt) return row;
    return tx.recordingConsent.update({ where: { id: row.id }, data: { withdrawnAt: now } });
  }, TX);
}
