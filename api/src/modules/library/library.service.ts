// Resource library: articles, videos (URL) and templates (file URL or text), with tags and search.
import { z } from "zod";
import { subject } from "@casl/ability";
import { defineCommand, type CommandContext } from "../../lib/command.js";
import { DomainError, badInput, notFound } from "../../lib/errors.js";
import { parseInput, zId, zName } from "../../lib/validate.js";
import type { Actor } from "../../authz/viewer.js";
import type { LibraryItem, Prisma } from "../../generated/prisma/client.js";

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
  title: zName(200).min(3),
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

const isStaff = (actor: Actor | null) => actor?.kind === "USER" && (actor.role === "ADMIN" || actor.role === "SUPPORT");
const pick = (i: LibraryItem) => ({ status: i.status, title: i.title, summary: i.summary, url: i.url, tags: i.tags, bodyLength: i.body.length });

async function loadItem(c: CommandContext, id: string): Promise<LibraryItem> {
  const row = await c.tx.libraryItem.findUnique({ where: { id } });
  if (!row) throw notFound("Library item", id);
  return row;
}

/** Mentors create drafts; support staff and admins too (they publish separately). */
export const createLibraryItem = defineCommand({
  name: "library.createItem",
  input: createInput,
  authorize: (g) => {
    g.user();
    g.can("create", "LibraryItem");
  },
  run: (c, _none, data) => {
    checkShape(data);
    const authorId = (c.actor as Extract<Actor, { kind: "USER" }>).id;
    return c.tx.libraryItem.create({ data: { ...data, url: data.url ?? null, status: "DRAFT", authorId, createdAt: c.now, updatedAt: c.now } });
  },
});

/** Authors edit their own drafts; staff edit any item (audited). */
export const updateLibraryItem = defineCommand({
  name: "library.updateItem",
  input: updateInput,
  load: (c, i) => loadItem(c, i.id),
  authorize: (g, before) => {
    g.user();
    // Unreadable rows look absent, so ids of other mentors' drafts are not confirmed.
    g.require(g.ability.can("read", subject("LibraryItem", before) as never), `Library item ${before.id} was not found`, "NOT_FOUND");
    g.can("update", "LibraryItem", before, "Only your own drafts can be edited; published items are edited by support staff");
  },
  run: async (c, before, { id, ...patch }) => {
    const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as LibraryItem;
    checkShape(next);
    const updated = await c.tx.libraryItem.update({ where: { id }, data: { ...(patch as Prisma.LibraryItemUpdateInput), updatedAt: c.now } });
    if (isStaff(c.actor)) await c.audit({ action: "library.edit", subjectType: "LibraryItem", subjectId: id, before: pick(before), after: pick(updated) });
    return updated;
  },
});

const statusInput = z.object({ id: zId, reason: z.string().trim().max(1000).optional() });
type Status = "PUBLISHED" | "ARCHIVED" | "DRAFT";

/** Staff move an item between DRAFT, PUBLISHED and ARCHIVED; a conditional update settles races. */
const statusCommand = (name: string, to: Status, from: Status[]) =>
  defineCommand({
    name,
    input: statusInput,
    load: (c, i) => loadItem(c, i.id),
    authorize: (g, before) => {
      g.user();
      g.can("publish", "LibraryItem", before);
    },
    run: async (c, before, { id, reason }) => {
      if (!from.includes(before.status)) throw new DomainError("CONFLICT", `A ${before.status.toLowerCase()} item cannot be moved to ${to.toLowerCase()}`, { status: before.status });
      const actorId = (c.actor as Extract<Actor, { kind: "USER" }>).id;
      const res = await c.tx.libraryItem.updateMany({
        where: { id, status: before.status },
        data: {
          status: to,
          updatedAt: c.now,
          ...(to === "PUBLISHED" ? { publishedAt: c.now, publishedById: actorId, archivedAt: null } : {}),
          ...(to === "ARCHIVED" ? { archivedAt: c.now } : {}),
        },
      });
      if (res.count !== 1) throw new DomainError("CONFLICT", "The item changed meanwhile; reload and retry");
      await c.audit({ action: `library.${to.toLowerCase()}`, subjectType: "LibraryItem", subjectId: id, before: { status: before.status }, after: { status: to }, reason });
      return c.tx.libraryItem.findUniqueOrThrow({ where: { id } });
    },
  });

export const publishLibraryItem = statusCommand("library.publishItem", "PUBLISHED", ["DRAFT", "ARCHIVED"]);
export const archiveLibraryItem = statusCommand("library.archiveItem", "ARCHIVED", ["DRAFT", "PUBLISHED"]);

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
