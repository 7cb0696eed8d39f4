// Proactive monitoring (seed 003): every detector rule in one place. Pure functions over text and
// timestamps, so chat, forum and profile code share them and tests pin hits and non-hits.
import type { ReportCategory } from "../../generated/prisma/enums.js";

export interface DetectorHit {
  rule: string;
  category: ReportCategory;
  /** What matched, masked for the report (staff see the context, not a harvestable list). */
  match: string;
  description: string;
}

export interface SpamSettings {
  spamBurstMessages: number;
  spamBurstWindowSeconds: number;
  spamMaxLinks: number;
}

const EMAIL = /[A-Za-z0-9._%+-]+\s*(?:@|\(at\)|\[at\]|\sat\s)\s*[A-Za-z0-9-]+(?:\s*(?:\.|\(dot\)|\[dot\]|\sdot\s)\s*[A-Za-z0-9-]+)*\s*(?:\.|\(dot\)|\[dot\]|\sdot\s)\s*[A-Za-z]{2,}/i;
// A phone number: optional +country, then 8-15 digits with common separators. Years, prices,
// times and dates do not reach 8 digits in one separated run, so they do not match.
const PHONE = /(?:\+|00)?\d(?:[\s\-.()]{0,2}\d){7,14}/;
const PHONE_ALL = new RegExp(PHONE.source, "g");
// Calendar dates (2026-03-14, 14.03.2026, 03/14/2026) have eight digits too; they are not phones.
const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})$/;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"')]+/gi;

/** Off-platform payment and meeting services (seeds 002/003: no taking users off the platform). */
const OFF_PLATFORM_HOSTS = [
  "wa.me", "whatsapp.com", "chat.whatsapp.com", "t.me", "telegram.me", "telegram.org", "signal.me", "discord.gg", "discord.com/invite",
  "zoom.us/j", "meet.google.com", "teams.microsoft.com", "teams.live.com", "skype.com", "join.skype.com", "whereby.com", "calendly.com", "cal.com",
  "paypal.me", "paypal.com", "venmo.com", "cash.app", "buymeacoffee.com", "ko-fi.com", "patreon.com", "revolut.me", "wise.com/pay", "gumroad.com", "stripe.com/pay", "buy.stripe.com",
];
const OFF_PLATFORM_WORDS =
  /\b(?:pay(?:\s+me)?\s+(?:directly|outside|off[-\s]?platform|via\s+(?:paypal|venmo|zelle|upi|cash\s*app|wire|bank\s+transfer))|outside\s+(?:of\s+)?(?:the\s+|this\s+)?(?:platform|app|site)|off[-\s]platform|(?:whats\s?app|telegram|signal|zelle|venmo|paypal)\s+me|add\s+me\s+on\s+(?:whats\s?app|telegram|skype|signal|discord))\b/i;

const mask = (s: string) => (s.length <= 4 ? "****" : `${s.slice(0, 2)}${"*".repeat(Math.min(s.length - 4, 12))}${s.slice(-2)}`);

export function detectContactDetails(text: string): DetectorHit[] {
  const hits: DetectorHit[] = [];
  const email = EMAIL.exec(text);
  if (email) hits.push({ rule: "contact.email", category: "OFF_PLATFORM", match: mask(email[0]), description: "An e-mail address in user content" });
  const phone = [...text.matchAll(PHONE_ALL)].map((m) => m[0].trim()).find((m) => m.replace(/\D/g, "").length >= 8 && !DATE.test(m));
  if (phone) hits.push({ rule: "contact.phone", category: "OFF_PLATFORM", match: mask(phone), description: "A phone number in user content" });
  return hits;
}

export function detectOffPlatform(text: string): DetectorHit[] {
  const hits: DetectorHit[] = [];
  const lower = text.toLowerCase();
  for (const url of text.match(URL) ?? []) {
    const u = url.toLowerCase();
    const host = OFF_PLATFORM_HOSTS.find((h) => u.includes(h));
    if (host) {
      hits.push({ rule: "offPlatform.link", category: "OFF_PLATFORM", match: host, description: `A link to an off-platform payment or meeting service (${host})` });
      break;
    }
  }
  if (!hits.length) {
    const bare = OFF_PLATFORM_HOSTS.find((h) => new RegExp(`(^|[^a-z0-9])${h.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`).test(lower));
    if (bare) hits.push({ rule: "offPlatform.link", category: "OFF_PLATFORM", match: bare, description: `A link to an off-platform payment or meeting service (${bare})` });
  }
  const words = OFF_PLATFORM_WORDS.exec(text);
  if (words) hits.push({ rule: "offPlatform.request", category: "OFF_PLATFORM", match: words[0], description: "A request to pay or meet outside the platform" });
  return hits;
}

export function detectLinkSpam(text: string, s: SpamSettings): DetectorHit[] {
  const links = text.match(URL) ?? [];
  return links.length >= s.spamMaxLinks ? [{ rule: "spam.links", category: "SPAM", match: `${links.length} links`, description: `${links.length} links in one text` }] : [];
}

/** A burst: `spamBurstMessages` or more messages by one author inside the window. */
export function detectSpamBurst(recentMessageTimes: Date[], now: Date, s: SpamSettings): DetectorHit[] {
  const since = now.getTime() - s.spamBurstWindowSeconds * 1000;
  const n = recentMessageTimes.filter((t) => t.getTime() >= since && t.getTime() <= now.getTime()).length;
  return n >= s.spamBurstMessages
    ? [{ rule: "spam.burst", category: "SPAM", match: `${n} messages in ${s.spamBurstWindowSeconds}s`, description: `${n} messages within ${s.spamBurstWindowSeconds} seconds` }]
    : [];
}

/** Every text rule; the burst rule needs the author's recent message times and runs when given. */
export function detectAll(text: string, s: SpamSettings, burst?: { recentMessageTimes: Date[]; now: Date }): DetectorHit[] {
  return [
    ...detectContactDetails(text),
    ...detectOffPlatform(text),
    ...detectLinkSpam(text, s),
    ...(burst ? detectSpamBurst(burst.recentMessageTimes, burst.now, s) : []),
  ];
}
