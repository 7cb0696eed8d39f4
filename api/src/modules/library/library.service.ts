// Resource library: articles, videos (URL) and templates (file URL or text), with tags and search.
import { z } from "zod";
import { subject } from "@casl/ability";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { DomainError, badInput, notFound } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import type { LibraryItem, Prisma } from "../../generated/prisma/client.js";
import { recordAudit, announceAudit } from "../audit/audit.service.js";

const KINDS = ["ARTICLE", "VIDEO", "TEMPLATE"] as const;
const zUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s) && URL.canParse(s), { message: "must be an http(s) URL" });
const zTags = z
  .array(z.string().trim().toLowerCase().min(1).max(40).regex(/^[\p{L}\p{N}][\p{L}\p{N} +#.-]*$/u, "letters, digits, spaces and + # . - only"))
  .max(20)
  .transform((tags) => [...new Set(tags)]);

const content = {
  title: z.string().trim().min(3).max(200),
  summary: z.string().trim().max(1000),
  body: z.string().trim().max(100_000),
  url: zUrl.nullable(),
  tags: zTags,
};

const createInput = z.object({
  kind: z.enum(KINDS),
  title: content.title,
  summary: content.summary.default(""),
  body: content.body.default(""),
  url: content.url.optional(),
  tags: content.tags.default([]),
});

const updateInput = z.object({
  id: zId,
  title: content.title.optional(),
  summary: content.summary.optional(),
  body: content.body.optional(),
  url: content.url.optional(),
  tags: content.tags.optional(),
});

/** A video needs its URL, an article its text, a template a file URL or its text. */
function checkShape(item: { kind: string; body: string; url?: string | null }) {
  if (item.kind === "VIDEO" && !item.url) throw badInput("A video needs its URL", { url: "required for a video" });
  if (item.kind === "ARTICLE" && !item.body) throw badInput("An article needs its text", { body: "required for an article" });
  if (item.kind === "TEMPLATE" && !item.url && !item.body) throw badInput("A template needs a file URL or its text", { url: "a file URL or body is required" });
}

const isStaff = (deps: ServiceDeps) => deps.actor?.kind === "USER" && (deps.actor.role === "ADMIN" || deps.actor.role === "SUPPORT");

function userActor(deps: ServiceDeps) {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return deps.actor;
}

/** Mentors create drafts; support staff and admins too (they publish separately). */
export async function createLibraryItem(deps: ServiceDeps, input: unknown): Promise<LibraryItem> {
  const data = parseInput(createInput, input);
  const actor = userActor(deps);
  assertCan(deps.ability, "create", "LibraryItem");
  checkShape(data);
  const now = deps.clock.now();
  return deps.db.libraryItem.create({
    data: { ...data, url: data.url ?? null, status: "DRAFT", authorId: actor.id, createdAt: now, updatedAt: now },
  });
}

async function load(tx: DbTx, id: string): Promise<LibraryItem> {
  const row = await tx.libraryItem.findUnique({ where: { id } });
  if (!row) throw notFound("Library item", id);
  return row;
}

/** Authors edit their own drafts; staff edit any item (audited). */
export async function updateLibraryItem(deps: ServiceDeps, input: unknown): Promise<LibraryItem> {
  const { id, ...patch } = parseInput(updateInput, input);
  userActor(deps);
  const audits: { id: string }[] = [];
  const row = await deps.db.$transaction(async (tx) => {
    const before = await load(tx, id);
    // Unreadable rows look absent, so ids of other mentors' drafts are not confirmed.
    if (!deps.ability.can("read", subject("LibraryItem", before) as never)) throw notFound("Library item", id);
    assertCan(deps.ability, "update", "LibraryItem", before, "Only your own drafts can be edited; published items are edited by support staff");
    const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as LibraryItem;
    checkShape(next);
    const updated = await tx.libraryItem.update({
      where: { id },
      data: { ...(patch as Prisma.LibraryItemUpdateInput), updatedAt: deps.clock.now() },
    });
    if (isStaff(deps)) audits.push(await recordAudit(tx, deps.actor, { action: "library.edit", subjectType: "LibraryItem", subjectId: id, before: pick(before), after: pick(updated) }, deps.requestId));
    return updated;
  });
  announceAudit(deps.pubsub, audits);
  return row;
}

const pick = (i: LibraryItem) => ({ status: i.status, title: i.title, summary: i.summary, url: i.url, tags: i.tags, bodyLength: i.body.length });

const statusInput = z.object({ id: zId, reason: z.string().trim().max(1000).optional() });

/** Staff move an item between DRAFT, PUBLISHED and ARCHIVED; a conditional update settles races. */
async function setStatus(deps: ServiceDeps, input: unknown, to: "PUBLISHED" | "ARCHIVED" | "DRAFT", from: ("DRAFT" | "PUBLISHED" | "ARCHIVED")[]) {
  const { id, reason } = parseInput(statusInput, input);
  const actor = userActor(deps);
  const audits: { id: string }[] = [];
  const row = await deps.db.$transaction(async (tx) => {
    const before = await load(tx, id);
    assertCan(deps.ability, "publish", "LibraryItem", before);
    if (!from.includes(before.status)) throw new DomainError("CONFLICT", `A ${before.status.toLowerCase()} item cannot be moved to ${to.toLowerCase()}`, { status: before.status });
    const now = deps.clock.now();
    const res = await tx.libraryItem.updateMany({
      where: { id, status: before.status },
      data: {
        status: to,
        updatedAt: now,
        ...(to === "PUBLISHED" ? { publishedAt: now, publishedById: actor.id, archivedAt: null } : {}),
        ...(to === "ARCHIVED" ? { archivedAt: now } : {}),
      },
    });
    if (res.count !== 1) throw new DomainError("CONFLICT", "The item changed meanwhile; reload and retry");
    audits.push(await recordAudit(tx, deps.actor, { action: `library.${to.toLowerCase()}`, subjectType: "LibraryItem", subjectId: id, before: { status: before.status }, after: { status: to }, reason }, deps.requestId));
    return tx.libraryItem.findUniqueOrThrow({ where: { id } });
  });
  announceAudit(deps.pubsub, audits);
  return row;
}

export const publishLibraryItem = (deps: ServiceDeps, input: unknown) => setStatus(deps, input, "PUBLISHED", ["DRAFT", "ARCHIVED"]);
export const archiveLibraryItem = (deps: ServiceDeps, input: unknown) => setStatus(deps, input, "ARCHIVED", ["DRAFT", "PUBLISHED"]);

const searchInput = z.object({
  search: z.string().trim().max(200).optional(),
  tags: zTags.optional(),
  kind: z.enum(KINDS).optional(),
  status: z.enum(["DRAFT", "PUBLISHED", "ARCHIVED"]).optional(),
});

/** The filter part of a library search (row permissions are merged in by the caller). */
export function librarySearchWhere(input: unknown): Prisma.LibraryItemWhereInput {
  const f = parseInput(searchInput, input ?? {});
  const words = (f.search ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
  return {
    AND: [
      f.kind ? { kind: f.kind } : {},
      f.status ? { status: f.status } : {},
      f.tags?.length ? { tags: { hasEvery: f.tags } } : {},
      // every word must appear in the title, summary, text or tags
      ...words.map((w) => ({
        OR: [
          { title: { contains: w, mode: "insensitive" as const } },
          { summary: { contains: w, mode: "insensitive" as const } },
          { body: { contains: w, mode: "insensitive" as const } },
          { tags: { has: w.toLowerCase() } },
        ],
      })),
    ],
  };
}
