// Each user's private iCalendar feed of their sessions. The URL carries a random token; only its
// sha256 is stored, so a leaked table does not expose feeds. Rotating the token revokes the old URL.
import ical, { ICalEventStatus } from "ical-generator";
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { defineCommand } from "../../lib/command.js";
import { newSecret, sha256 } from "../../lib/ids.js";
import type { Actor } from "../../authz/viewer.js";
import { getPlatform, capitalise } from "../platform/index.js";

export const calendarPath = (token: string) => `/calendar/${token}.ics`;

const rotateFeed = defineCommand({
  name: "calendar.rotateFeed",
  input: z.object({}),
  authorize: (g) => g.can("create", "CalendarFeed", { userId: g.user().id }),
  run: async (c): Promise<{ path: string; createdAt: Date }> => {
    const userId = (c.actor as Extract<Actor, { kind: "USER" }>).id;
    const token = newSecret();
    await c.tx.calendarFeed.upsert({
      where: { userId },
      create: { userId, tokenHash: sha256(token), createdAt: c.now },
      update: { tokenHash: sha256(token), createdAt: c.now },
    });
    return { path: calendarPath(token), createdAt: c.now };
  },
});

/** Creates or replaces the viewer's feed token; the token is shown once, in the returned path. */
export const rotateCalendarFeed = (deps: ServiceDeps) => rotateFeed(deps, {});

/** The .ics text for a feed token, or undefined for an unknown token. */
export async function renderCalendarFeed(db: DbTx, token: string, now: Date): Promise<string | undefined> {
  if (!/^[\w-]{20,100}$/.test(token)) return undefined;
  const feed = await db.calendarFeed.findUnique({ where: { tokenHash: sha256(token) }, include: { user: { select: { id: true, status: true } } } });
  if (!feed || feed.user.status === "BANNED" || feed.user.status === "DEACTIVATED") return undefined;
  const terms = await getPlatform(db);
  const sessions = await db.session.findMany({
    where: { OR: [{ mentorId: feed.userId }, { menteeId: feed.userId }], startsAt: { gte: new Date(now.getTime() - 90 * 86_400_000) } },
    include: { mentor: { select: { displayName: true } }, mentee: { select: { displayName: true } } },
    orderBy: { startsAt: "asc" },
    take: 1000,
  });
  const cal = ical({ name: `${terms.platformName} ${terms.sessionLabel}s`, prodId: { company: terms.platformName, product: "sessions" } });
  for (const s of sessions) {
    const asMentor = s.mentorId === feed.userId;
    const other = asMentor ? `${s.mentee.displayName} (${terms.menteeLabel})` : `${s.mentor.displayName} (${terms.mentorLabel})`;
    cal.createEvent({
      id: s.id,
      start: s.startsAt,
      end: s.endsAt,
      stamp: s.updatedAt,
      summary: `${capitalise(terms.sessionLabel)} with ${other}`,
      description: s.topic || undefined,
      status: s.state === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
