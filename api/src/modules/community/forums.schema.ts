import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import { createForumCategory, editForumPost, moderateForumPost, moderateForumThread, postToForumThread, startForumThread } from "./forums.service.js";

const isStaff = (ctx: { viewer: { role: string } | null }) => ctx.viewer?.role === "ADMIN" || ctx.viewer?.role === "SUPPORT";

const ForumCategoryRef = builder.prismaObject("ForumCategory", {
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    position: t.exposeInt("position"),
    programId: t.exposeID("programId", { nullable: true, description: "The program this category belongs to; a program suspension covers it." }),
    threads: t.relatedConnection("threads", {
      cursor: "id",
      description: "Pinned threads first, then the most recently active.",
      query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("ForumThread"), orderBy: [{ pinned: "desc" }, { lastPostAt: "desc" }, { id: "desc" }] }),
    }),
  }),
});

const ForumThreadRef = builder.prismaObject("ForumThread", {
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    category: t.relation("category"),
    authorId: t.exposeID("authorId"),
    authorName: t.string({ select: { author: { select: { displayName: true } } }, resolve: (r) => r.author.displayName }),
    locked: t.exposeBoolean("locked"),
    pinned: t.exposeBoolean("pinned"),
    hidden: t.boolean({ select: { hiddenAt: true }, resolve: (r) => !!r.hiddenAt }),
    hiddenReason: t.string({ nullable: true, select: { hiddenReason: true }, resolve: (r, _a, ctx) => (isStaff(ctx) ? r.hiddenReason : null) }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastPostAt: t.expose("lastPostAt", { type: "DateTime" }),
    posts: t.relatedConnection("posts", {
      cursor: "id",
      description: "Oldest first. Posts hidden by moderation are left out, except for staff.",
      query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("ForumPost"), orderBy: { id: "asc" } }),
    }),
  }),
});

const ForumPostRef = builder.prismaObject("ForumPost", {
  fields: (t) => ({
    id: t.exposeID("id"),
    threadId: t.exposeID("threadId"),
    authorId: t.exposeID("authorId"),
    authorName: t.string({ select: { author: { select: { displayName: true } } }, resolve: (r) => r.author.displayName }),
    body: t.exposeString("body"),
    hidden: t.boolean({ select: { hiddenAt: true }, resolve: (r) => !!r.hiddenAt }),
    hiddenReason: t.string({ nullable: true, select: { hiddenReason: true }, resolve: (r, _a, ctx) => (isStaff(ctx) ? r.hiddenReason : null) }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    editedAt: t.expose("editedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryField("forumCategories", (t) =>
  t.prismaField({
    type: ["ForumCategory"],
    authScopes: { authenticated: true },
    resolve: (query, _r, _a, ctx) => getDb().forumCategory.findMany({ ...query, where: accessibleBy(ctx.ability).ofType("ForumCategory"), orderBy: [{ position: "asc" }, { name: "asc" }] }),
  }),
);

builder.queryField("forumThread", (t) =>
  t.prismaField({
    type: "ForumThread",
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const row = await getDb().forumThread.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("ForumThread"), { id: String(id) }] } });
      if (!row) throw notFound("Forum thread", String(id));
      return row;
    },
  }),
);

const CreateForumCategoryInput = builder.inputType("CreateForumCategoryInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string({ required: false }),
    position: t.int({ required: false }),
    programId: t.id({ required: false, description: "Makes it the program's own category." }),
  }),
});

builder.mutationField("createForumCategory", (t) =>
  t.field({
    type: ForumCategoryRef,
    authScopes: { role: ["SUPPORT", "ADMIN"] },
    args: { input: t.arg({ type: CreateForumCategoryInput, required: true }) },
    resolve: (_r, { input }, ctx) => createForumCategory(ctx.deps, { name: input.name, description: input.description ?? undefined, position: input.position ?? undefined, programId: input.programId ? String(input.programId) : undefined }),
  }),
);

const StartForumThreadInput = builder.inputType("StartForumThreadInput", {
  fields: (t) => ({ categoryId: t.id({ required: true }), title: t.string({ required: true }), body: t.string({ required: true }) }),
});

builder.mutationField("startForumThread", (t) =>
  t.field({
    type: ForumThreadRef,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: StartForumThreadInput, required: true }) },
    resolve: (_r, { input }, ctx) => startForumThread(ctx.deps, { categoryId: String(input.categoryId), title: input.title, body: input.body }),
  }),
);

const PostToForumThreadInput = builder.inputType("PostToForumThreadInput", {
  fields: (t) => ({ threadId: t.id({ required: true }), body: t.string({ required: true }) }),
});

builder.mutationField("postToForumThread", (t) =>
  t.field({
    type: ForumPostRef,
    description: "Reply in a thread. Locked threads take no new posts (moderators excepted).",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: PostToForumThreadInput, required: true }) },
    resolve: (_r, { input }, ctx) => postToForumThread(ctx.deps, { threadId: String(input.threadId), body: input.body }),
  }),
);

const EditForumPostInput = builder.inputType("EditForumPostInput", {
  fields: (t) => ({ postId: t.id({ required: true }), body: t.string({ required: true }) }),
});

builder.mutationField("editForumPost", (t) =>
  t.field({
    type: ForumPostRef,
    description: "Authors edit their own posts while visible and the thread is not locked.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: EditForumPostInput, required: true }) },
    resolve: (_r, { input }, ctx) => editForumPost(ctx.deps, { postId: String(input.postId), body: input.body }),
  }),
);

const PostModeration = builder.enumType("ForumPostModeration", { values: ["HIDE", "RESTORE"] as const });
const ThreadModeration = builder.enumType("ForumThreadModeration", { values: ["HIDE", "RESTORE", "LOCK", "UNLOCK", "PIN", "UNPIN"] as const });

const ModerateForumPostInput = builder.inputType("ModerateForumPostInput", {
  fields: (t) => ({ id: t.id({ required: true }), action: t.field({ type: PostModeration, required: true }), reason: t.string({ required: true }) }),
});
const ModerateForumThreadInput = builder.inputType("ModerateForumThreadInput", {
  fields: (t) => ({ id: t.id({ required: true }), action: t.field({ type: ThreadModeration, required: true }), reason: t.string({ required: true }) }),
});

builder.mutationField("moderateForumPost", (t) =>
  t.field({
    type: ForumPostRef,
    description: "Staff moderation: hide a post (with a reason, audited) or restore it.",
    authScopes: { role: ["SUPPORT", "ADMIN"] },
    args: { input: t.arg({ type: ModerateForumPostInput, required: true }) },
    resolve: (_r, { input }, ctx) => moderateForumPost(ctx.deps, { id: String(input.id), action: input.action, reason: input.reason }),
  }),
);

builder.mutationField("moderateForumThread", (t) =>
  t.field({
    type: ForumThreadRef,
    description: "Staff moderation of a thread: hide/restore, lock/unlock, pin/unpin (audited).",
    authScopes: { role: ["SUPPORT", "ADMIN"] },
    args: { input: t.arg({ type: ModerateForumThreadInput, required: true }) },
    resolve: (_r, { input }, ctx) => moderateForumThread(ctx.deps, { id: String(input.id), action: input.action, reason: input.reason }),
  }),
);
