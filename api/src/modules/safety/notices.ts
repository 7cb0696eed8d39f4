// Notice texts in the platform's configured terminology (seeds 000/001: same rules, two
// vocabularies). Seed 003: the e-mail says what happened, why, the consequence, and how to appeal.
import type { Terminology } from "../platform/index.js";

const CATEGORY_TEXT: Record<string, string> = {
  RUDENESS: "rudeness or indecency",
  DECEPTION: "deception or unlawful advice",
  PRIVACY: "a breach of privacy (recording without consent)",
  SPAM: "spam",
  OFF_PLATFORM: "taking users off the platform or gaming the system",
  HARASSMENT: "harassment",
  REVIEW_FAVOURS: "reviews for favours or coupon begging",
  PERSONAL_INFO: "asking for personal information",
  OTHER: "a policy violation",
};
export const categoryText = (c: string | null | undefined) => CATEGORY_TEXT[c ?? "OTHER"] ?? CATEGORY_TEXT.OTHER;

const day = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** The user's role in the platform's own words (seeds 000/001: mentor/mentee or expert/client). */
export const roleLabel = (role: string | undefined, t: Terminology) => (role === "MENTOR" ? t.mentorLabel : role === "MENTEE" ? t.menteeLabel : "member");
const article = (w: string) => `${/^[aeiou]/i.test(w) ? "an" : "a"} ${w}`;

export interface EnforcementForNotice {
  userRole?: string;
  kind: string;
  scope: string;
  feature: string | null;
  programName?: string | null;
  category: string | null;
  reason: string;
  endsAt: Date | null;
  appealDeadline: Date;
  policyVersion: number;
}

export function consequenceText(e: EnforcementForNotice, t: Terminology): string {
  const where =
    e.scope === "FEATURE" ? `the ${e.feature} feature` : e.scope === "PROGRAM" ? `the features of the program "${e.programName ?? ""}"` : `your ${t.platformName} account`;
  switch (e.kind) {
    case "WARNING":
      return `This is a warning. Further violations lead to a strike (a suspension) and then a permanent ban.`;
    case "STRIKE":
    case "SUSPENSION":
      return `Access to ${where} is suspended until ${day(e.endsAt!)}.`;
    default:
      return `Access to ${where} is permanently banned.`;
  }
}

export function enforcementNotice(e: EnforcementForNotice, t: Terminology): { subject: string; body: string } {
  const title = { WARNING: "Warning", STRIKE: "Strike", SUSPENSION: "Temporary ban", BAN: "Permanent ban" }[e.kind] ?? e.kind;
  const subject = `${t.platformName} Trust & Safety: ${title}${e.endsAt ? ` until ${day(e.endsAt)}` : ""}`;
  const body = [
    `Hello,`,
    ``,
    `${t.platformName} Trust & Safety reviewed your activity as ${article(roleLabel(e.userRole, t))} on the platform.`,
    `Violation: ${categoryText(e.category)}.`,
    `Reason: ${e.reason}`,
    `Consequence: ${consequenceText(e, t)}`,
    e.endsAt ? `End date: ${day(e.endsAt)}` : e.kind === "WARNING" ? `End date: none (no access is removed)` : `End date: none (permanent)`,
    `Appeal: you may appeal this decision until ${day(e.appealDeadline)}.`,
    ``,
    `This decision applies policy version ${e.policyVersion}. Please read the Trust & Safety policy to understand what is and is not allowed.`,
  ].join("\n");
  return { subject, body };
}

export function programNotice(e: EnforcementForNotice, t: Terminology): { subject: string; body: string } {
  const subject = `${t.platformName} Trust & Safety: features of "${e.programName ?? ""}" ${e.endsAt ? `suspended until ${day(e.endsAt)}` : "disabled"}`;
  const body = [
    `Hello,`,
    ``,
    `A policy violation was found in the program "${e.programName ?? ""}". Every ${t.mentorLabel} and support team member tied to the program loses its features while the enforcement lasts.`,
    `Reason: ${e.reason}`,
    `Consequence: ${consequenceText(e, t)}`,
    e.endsAt ? `End date: ${day(e.endsAt)}` : `End date: none (permanent)`,
    `Appeal deadline: ${day(e.appealDeadline)}`,
  ].join("\n");
  return { subject, body };
}

export function appealDecisionNotice(approved: boolean, reason: string, t: Terminology): { subject: string; body: string } {
  return {
    subject: `${t.platformName} Trust & Safety: your appeal was ${approved ? "approved" : "rejected"}`,
    body: approved
      ? `Your appeal was approved and the enforcement is overturned; it no longer counts against you.\nReason: ${reason}`
      : `Your appeal was rejected; the enforcement stays in force.\nReason: ${reason}`,
  };
}
