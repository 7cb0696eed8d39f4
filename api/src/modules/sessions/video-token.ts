// Video call tokens (Agora RTC). The only file that knows the token library: switching to
// Agora's "007" AccessToken2 (`agora-token`) is a change here alone.
//
// Configuration: AGORA_APP_ID and AGORA_APP_CERTIFICATE. In production both are required and a
// join fails with a clear SERVICE_UNAVAILABLE error without them. In development and tests the
// documented defaults below are used: tokens are well-formed but no real Agora project accepts
// them.
import { createRequire } from "node:module";
import agora from "agora-access-token";
import { loadConfig, type AppConfig } from "../../lib/config.js";
import { DomainError } from "../../lib/errors.js";

export const DEV_AGORA_APP_ID = "00000000000000000000000000000dev";
export const DEV_AGORA_APP_CERTIFICATE = "00000000000000000000000000000cert";

/** Channel uids: fixed per party, so a webhook's uid tells who joined or left. */
export const AGORA_UID = { MENTOR: 1, MENTEE: 2 } as const;
export const partyForUid = (uid: unknown): "MENTOR" | "MENTEE" | undefined =>
  Number(uid) === AGORA_UID.MENTOR ? "MENTOR" : Number(uid) === AGORA_UID.MENTEE ? "MENTEE" : undefined;

export function agoraCredentials(config: Pick<AppConfig, "agora" | "production"> = loadConfig()) {
  if (config.agora) return config.agora;
  if (config.production)
    throw new DomainError("SERVICE_UNAVAILABLE", "Video calls are not configured: set AGORA_APP_ID and AGORA_APP_CERTIFICATE");
  return { appId: DEV_AGORA_APP_ID, appCertificate: DEV_AGORA_APP_CERTIFICATE };
}

export interface RtcToken {
  appId: string;
  token: string;
  /** Privilege expiry: the stipulated end of the session. */
  expiresAt: Date;
}

/** `SUBSCRIBER` (webinar audience) may only receive; sessions and webinar hosts publish. */
export function buildRtcToken(channelName: string, uid: number, expiresAt: Date, role: "PUBLISHER" | "SUBSCRIBER" = "PUBLISHER"): RtcToken {
  const { appId, appCertificate } = agoraCredentials();
  const expirySeconds = Math.floor(expiresAt.getTime() / 1000);
  const rtcRole = role === "SUBSCRIBER" ? agora.RtcRole.SUBSCRIBER : agora.RtcRole.PUBLISHER;
  const token = agora.RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, uid, rtcRole, expirySeconds);
  return { appId, token, expiresAt: new Date(expirySeconds * 1000) };
}

/** The join-channel privilege expiry inside a token (unix seconds), for checks and tests. */
export function tokenPrivilegeExpiry(token: string): number | undefined {
  const { AccessToken, priviledges } = createRequire(import.meta.url)("agora-access-token/src/AccessToken.js") as {
    AccessToken: new (...a: unknown[]) => { fromString(t: string): boolean; messages: Record<number, number> };
    priviledges: { kJoinChannel: number };
  };
  const t = new AccessToken("", "", "", 0);
  if (!t.fromString(token)) return undefined;
  return t.messages[priviledges.kJoinChannel];
}
