// Agora channel event webhooks (Notification Center Service). The body is signed with the
// customer secret: HMAC-SHA256 hex in `Agora-Signature-V2` (HMAC-SHA1 in `Agora-Signature`).
// Secret from AGORA_WEBHOOK_SECRET; development default DEV_AGORA_WEBHOOK_SECRET below; in
// production the endpoint refuses every call until the secret is set.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "../../lib/db.js";
import type { PubSub } from "../../lib/pubsub.js";
import type { Clock } from "../../lib/clock.js";
import { recordWebhookPresence } from "./live.service.js";
import { partyForUid } from "./video-token.js";

export const DEV_AGORA_WEBHOOK_SECRET = "dev-agora-webhook-secret";

export function webhookSecret(env: NodeJS.ProcessEnv = process.env, production = env.NODE_ENV === "production"): string | undefined {
  return env.AGORA_WEBHOOK_SECRET || (production ? undefined : DEV_AGORA_WEBHOOK_SECRET);
}

export function signAgoraBody(secret: string, body: string, algo: "sha256" | "sha1" = "sha256"): string {
  return createHmac(algo, secret).update(body).digest("hex");
}

export function verifyAgoraSignature(secret: string, body: string, headers: { v2?: string; v1?: string }): boolean {
  const check = (given: string | undefined, algo: "sha256" | "sha1") => {
    if (!given) return false;
    const want = Buffer.from(signAgoraBody(secret, body, algo));
    const got = Buffer.from(given.trim().toLowerCase());
    return got.length === want.length && timingSafeEqual(got, want);
  };
  return check(headers.v2, "sha256") || check(headers.v1, "sha1");
}

// RTC channel events: 103/105/107 join, 104/106/108 leave (broadcaster, audience, communication).
const JOIN = new Set([103, 105, 107]);
const LEAVE = new Set([104, 106, 108]);

export async function handleAgoraEvent(db: Db, pubsub: PubSub, body: unknown, now: Date): Promise<{ status: number; result: string }> {
  const ev = body as { noticeId?: unknown; eventType?: unknown; notifyMs?: unknown; payload?: { channelName?: unknown; uid?: unknown; ts?: unknown; reason?: unknown } };
  if (!ev || typeof ev.noticeId !== "string" || typeof ev.eventType !== "number" || !ev.payload || typeof ev.payload.channelName !== "string")
    return { status: 400, result: "malformed event" };
  const kind = JOIN.has(ev.eventType) ? "JOIN" : LEAVE.has(ev.eventType) ? "LEAVE" : undefined;
  const party = partyForUid(ev.payload.uid);
  if (!kind || !party) return { status: 200, result: "ignored" };
  const ts = typeof ev.payload.ts === "number" ? new Date(ev.payload.ts * 1000) : now;
  // Never trust an event time from the future of this server's clock.
  const at = ts > now ? now : ts;
  const result = await recordWebhookPresence(
    { db, pubsub, clock: { now: () => now } satisfies Clock },
    { noticeId: `agora:${ev.noticeId}`, channelName: ev.payload.channelName, party, kind, at, normalQuit: ev.payload.reason === 1 },
  );
  return { status: 200, result };
}
