// Readable names for the subjects of audit entries ("Mara Mentor → Milo Mentee", a session's
// topic and time), so staff never read bare ids. Each subject type is loaded once per page of
// entries, and only rows the viewer may read get a label: an unreadable subject stays unnamed.
import { accessibleBy } from "@casl/prisma/runtime";
import type { AppAbility } from "../../authz/actions.js";
import { getDb } from "../../lib/db.js";

type Db = ReturnType<typeof getDb>;
type Loader = (db: Db, ability: AppAbility, ids: string[]) => Promise<[string, string][]>;

const pair = (r: { mentor: { displayName: string }; mentee: { displayName: string } }) => `${r.mentor.displayName} → ${r.mentee.displayName}`;
const people = { mentor: { select: { displayName: true } }, mentee: { select: { displayName: true } } } as const;
const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";
const where = (ability: AppAbility, type: Parameters<ReturnType<typeof accessibleBy>["ofType"]>[0], ids: string[]) => ({
  AND: [accessibleBy(ability).ofType(type), { id: { in: ids } }],
});

const LOADERS: Record<string, Loader> = {
  User: async (db, a, ids) => (await db.user.findMany({ where: where(a, "User", ids) as never, select: { id: true, displayName: true } })).map((r) => [r.id, r.displayName]),
  Session: async (db, a, ids) =>
    (await db.session.findMany({ where: where(a, "Session", ids) as never, select: { id: true, topic: true, startsAt: true, ...people } })).map((r) => [
      r.id,
      `${r.topic || "Session"} · ${pair(r)} · ${when(r.startsAt)}`,
    ]),
  Mentorship: async (db, a, ids) => (await db.mentorship.findMany({ where: where(a, "Mentorship", ids) as never, select: { id: true, ...people } })).map((r) => [r.id, pair(r)]),
  Dispute: async (db, a, ids) => (await db.dispute.findMany({ where: where(a, "Dispute", ids) as never, select: { id: true, ...people } })).map((r) => [r.id, `Dispute ${pair(r)}`]),
  Report: async (db, a, ids) =>
    (await db.report.findMany({ where: where(a, "Report", ids) as never, select: { id: true, category: true, subject: { select: { displayName: true } } } })).map((r) => [
      r.id,
      `${r.category.toLowerCase().replace(/_/g, " ")} report about ${r.subject.displayName}`,
    ]),
  Program: async (db, a, ids) => (await db.program.findMany({ where: where(a, "Program", ids) as never, select: { id: true, name: true } })).map((r) => [r.id, r.name]),
  CertificationProgram: async (db, a, ids) =>
    (await db.certificationProgram.findMany({ where: where(a, "CertificationProgram", ids) as never, select: { id: true, name: true } })).map((r) => [r.id, r.name]),
  Certificate: async (db, a, ids) =>
    (await db.certificate.findMany({ where: where(a, "Certificate", ids) as never, select: { id: true, code: true, mentee: { select: { displayName: true } } } })).map((r) => [
      r.id,
      `${r.code} (${r.mentee.displayName})`,
    ]),
  LibraryItem: async (db, a, ids) => (await db.libraryItem.findMany({ where: where(a, "LibraryItem", ids) as never, select: { id: true, title: true } })).map((r) => [r.id, r.title]),
  Webinar: async (db, a, ids) =>
    (await db.webinar.findMany({ where: where(a, "Webinar", ids) as never, select: { id: true, title: true, startsAt: true } })).map((r) => [r.id, `${r.title} · ${when(r.startsAt)}`]),
  SupportTicket: async (db, a, ids) => (await db.supportTicket.findMany({ where: where(a, "SupportTicket", ids) as never, select: { id: true, subject: true } })).map((r) => [r.id, r.subject]),
  ForumThread: async (db, a, ids) => (await db.forumThread.findMany({ where: where(a, "ForumThread", ids) as never, select: { id: true, title: true } })).map((r) => [r.id, r.title]),
};

/** The subject types that get a label; others are shown by type and id. */
export const LABELLED_SUBJECT_TYPES = Object.keys(LOADERS);

// Per request: the ids of one type asked for while a page of entries resolves, loaded together
// on the next turn of the event loop.
const pending = new WeakMap<object, Map<string, { ids: Set<string>; rows: Promise<Map<string, string>> }>>();

export function subjectLabel(ctx: object, ability: AppAbility, type: string, id: string): Promise<string | null> {
  const load = LOADERS[type];
  if (!load) return Promise.resolve(null);
  let byType = pending.get(ctx);
  if (!byType) pending.set(ctx, (byType = new Map()));
  let batch = byType.get(type);
  if (!batch) {
    const ids = new Set<string>();
    const batches = byType;
    const rows = new Promise<Map<string, string>>((resolve, reject) =>
      setImmediate(() => {
        batches.delete(type);
        load(getDb(), ability, [...ids]).then((r) => resolve(new Map(r)), reject);
      }),
    );
    batch = { ids, rows };
    byType.set(type, batch);
  }
  batch.ids.add(id);
  return batch.rows.then((m) => m.get(id) ?? null);
}
