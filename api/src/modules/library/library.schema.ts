import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import { LibraryItemKind, LibraryItemStatus } from "../../generated/prisma/enums.js";
import { archiveLibraryItem, createLibraryItem, librarySearchWhere, publishLibraryItem, updateLibraryItem } from "./library.service.js";

const KindEnum = builder.enumType(LibraryItemKind, { name: "LibraryItemKind" });
const StatusEnum = builder.enumType(LibraryItemStatus, { name: "LibraryItemStatus" });

export const LibraryItemRef = builder.prismaObject("LibraryItem", {
  description: "A resource in the library: an article, a video (URL) or a template (file URL or text). Mentees see published items only.",
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: KindEnum }),
    status: t.expose("status", { type: StatusEnum }),
    title: t.exposeString("title"),
    summary: t.exposeString("summary"),
    body: t.exposeString("body", { description: "An article's text, or a template's text." }),
    url: t.exposeString("url", { nullable: true, description: "A video's URL, or a template's file URL." }),
    tags: t.exposeStringList("tags"),
    authorId: t.exposeID("authorId"),
    authorName: t.string({ select: { author: { select: { displayName: true } } }, resolve: (i) => i.author.displayName }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const LibraryFilter = builder.inputType("LibraryFilter", {
  fields: (t) => ({
    search: t.string({ required: false, description: "Words that must all appear in the title, summary, text or tags." }),
    tags: t.stringList({ required: false, description: "Items carrying every one of these tags." }),
    kind: t.field({ type: KindEnum, required: false }),
    status: t.field({ type: StatusEnum, required: false }),
  }),
});

builder.queryField("libraryItems", (t) =>
  t.prismaConnection({
    type: "LibraryItem",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "Search the library. Mentees see published items; mentors also their own drafts; staff everything.",
    args: { filter: t.arg({ type: LibraryFilter, required: false }) },
    resolve: (query, _r, { filter }, ctx) =>
      getDb().libraryItem.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(ctx.ability).ofType("LibraryItem"),
            librarySearchWhere({ search: filter?.search ?? undefined, tags: filter?.tags ?? undefined, kind: filter?.kind ?? undefined, status: filter?.status ?? undefined }),
          ],
        },
        orderBy: { id: "desc" },
      }),
  }),
);

builder.queryField("libraryItem", (t) =>
  t.prismaField({
    type: "LibraryItem",
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const row = await getDb().libraryItem.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("LibraryItem"), { id: String(id) }] } });
      if (!row) throw notFound("Library item", String(id));
      return row;
    },
  }),
);

const CreateLibraryItemInput = builder.inputType("CreateLibraryItemInput", {
  fields: (t) => ({
    kind: t.field({ type: KindEnum, required: true }),
    title: t.string({ required: true }),
    summary: t.string({ required: false }),
    body: t.string({ required: false }),
    url: t.string({ required: false }),
    tags: t.stringList({ required: false }),
  }),
});

builder.mutationField("createLibraryItem", (t) =>
  t.field({
    type: LibraryItemRef,
    description: "Write a draft. Support staff or an admin publishes it.",
    authScopes: { role: ["MENTOR", "SUPPORT", "ADMIN"] },
    args: { input: t.arg({ type: CreateLibraryItemInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      createLibraryItem(ctx.deps, {
        kind: input.kind,
        title: input.title,
        summary: input.summary ?? undefined,
        body: input.body ?? undefined,
        url: input.url ?? undefined,
        tags: input.tags ?? undefined,
      }),
  }),
);

const UpdateLibraryItemInput = builder.inputType("UpdateLibraryItemInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    title: t.string({ required: false }),
    summary: t.string({ required: false }),
    body: t.string({ required: false }),
    url: t.string({ required: false, description: "null clears it" }),
    tags: t.stringList({ required: false }),
  }),
});

builder.mutationField("updateLibraryItem", (t) =>
  t.field({
    type: LibraryItemRef,
    description: "Mentors edit their own drafts; support staff and admins edit any item.",
    authScopes: { role: ["MENTOR", "SUPPORT", "ADMIN"] },
    args: { input: t.arg({ type: UpdateLibraryItemInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      updateLibraryItem(ctx.deps, {
        id: String(input.id),
        title: input.title ?? undefined,
        summary: input.summary ?? undefined,
        body: input.body ?? undefined,
        url: input.url,
        tags: input.tags ?? undefined,
      }),
  }),
);

const LibraryStatusInput = builder.inputType("LibraryItemStatusInput", {
  fields: (t) => ({ id: t.id({ required: true }), reason: t.string({ required: false }) }),
});

builder.mutationField("publishLibraryItem", (t) =>
  t.field({
    type: LibraryItemRef,
    authScopes: { role: ["SUPPORT", "ADMIN"] },
    args: { input: t.arg({ type: LibraryStatusInput, required: true }) },
    resolve: (_r, { input }, ctx) => publishLibraryItem(ctx.deps, { id: String(input.id), reason: input.reason ?? undefined }),
  }),
);

builder.mutationField("archiveLibraryItem", (t) =>
  t.field({
    type: LibraryItemRef,
    description: "Withdraw an item from the library (it stays readable to staff and its author).",
    authScopes: { role: ["SUPPORT", "ADMIN"] },
    args: { input: t.arg({ type: LibraryStatusInput, required: true }) },
    resolve: (_r, { input }, ctx) => archiveLibraryItem(ctx.deps, { id: String(input.id), reason: input.reason ?? undefined }),
  }),
);
