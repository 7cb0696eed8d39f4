// Forums: categories, threads and posts; support staff moderate. Posts pass through the trust &
// safety detectors after commit (a hit files a report into the review queue; the post stays).
import { z } from "zod";
import { subject } from "@casl/ability";
import { defineCommand, type CommandContext, type Guard } from "../../lib/command.js";
import type { ServiceDeps } from "../../lib/deps.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zId, zName } from "../../lib/validate.js";
import { logger } from "../../lib/logger.js";
import type { ForumCategory, ForumPost, ForumThread } from "../../generated/prisma/client.js";
import { scanContent } from "../safety/index.js";
import { countContent, currentPolicy } from "../policy/index.js";

const zBody = z.string().trim().min(1, "must not be empty").max(20_000);
const zTitle = zName(200).min(3);

function userActor(deps: ServiceDeps) {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return deps.actor;
}

const actorId = (c: CommandContext) => (c.actor as { id: string }).id;

function isUnique(e: unknown) {
  return (e as { code?: string }).code === "P2002";
}

const categoryInput = z.object({
  name: zName(80).min(2),
  description: z.string().trim().max(2000).default(""),
  position: z.number().int().min(0).max(10_000).default(0),
  programId: zId.optional(),
});

const createCategoryCommand = defineCommand({
  name: "forums.createCategory",
  input: categoryInput,
  load: async (c, i) => (i.programId ? c.tx.program.findUnique({ where: { id: i.programId }, select: { id: true } }) : null),
  authorize: (g, program, i) => {
    g.user();
    g.can("create", "ForumCategory", { programId: i.programId ?? null });
    if (i.programId && !program) throw notFound("Program", i.programId);
  },
  run: async (c, _program, data) => {
    const row = await c.tx.forumCategory.create({ data: { ...data, programId: data.programId ?? null, createdAt: c.now } });
    await c.audit({ action: "forum.category.create", subjectType: "ForumCategory", subjectId: row.id, after: data });
    return row;
  },
});

export async function createForumCategory(deps: ServiceDeps, input: unknown): Promise<ForumCategory> {
  try {
    return await createCategoryCommand(deps, input);
  } catch (e) {
    // The unique name is the arbiter (two creations at once included); the transaction is gone by now.
    if (isUnique(e)) throw new DomainError("CONFLICT", "A category with this name already exists");
    throw e;
  }
}

/** Threads the viewer may not read (hidden by moderation) look absent. */
function requireReadable(g: Guard, type: "ForumThread" | "ForumPost", row: Record<string, unknown> | null, what: string, id: string) {
  g.require(!!row && g.ability.can("read", subject(type, row) as never), `${what} ${id} was not found`, "NOT_FOUND");
}

/** After commit: detectors over the text, with the author's recent post times (up to `at`) for the burst rule. */
async function scanPost(deps: ServiceDeps, post: ForumPost, text: string, at: Date) {
  try {
    const { values } = await currentPolicy(deps.db);
    const since = new Date(at.getTime() - values.safety.spamBurstWindowSeconds * 1000);
    const recent = await deps.db.forumPost.findMany({ where: { authorId: post.authorId, createdAt: { gte: since } }, select: { createdAt: true } });
    await scanContent(deps, { authorId: post.authorId, source: "forum", refId: post.id, text, recentMessageTimes: recent.map((r) => r.createdAt) });
  } catch (e) {
    // The post is stored; a detector failure must not turn it into an error for the author.
    logger.error({ err: e, postId: post.id }, "forum post scan failed");
  }
}

const threadInput = z.object({ categoryId: zId, title: zTitle, body: zBody });

const startThreadCommand = defineCommand({
  name: "forums.startThread",
  input: threadInput,
  load: (c, i) => c.tx.forumCategory.findUnique({ where: { id: i.categoryId }, select: { id: true, programId: true } }),
  authorize: (g, category, i) => {
    const me = g.user();
    // A forum feature suspension refuses first; in a program's category a program-scoped
    // suspension refuses too, with its reason.
    const row = () => ({ authorId: me.id, programId: category?.programId ?? null });
    g.can("create", "ForumThread", row());
    g.can("create", "ForumPost", row());
    if (!category) throw notFound("Forum category", i.categoryId);
  },
  run: async (c, category, data) => {
    const authorId = actorId(c);
    const { programId } = category!;
    const thread = await c.tx.forumThread.create({ data: { categoryId: data.categoryId, programId, authorId, title: data.title, createdAt: c.now, lastPostAt: c.now } });
    const post = await c.tx.forumPost.create({ data: { threadId: thread.id, programId, authorId, body: data.body, createdAt: c.now } });
    return { thread, post };
  },
});

export async function startForumThread(deps: ServiceDeps, input: unknown): Promise<ForumThread> {
  const data = parseInput(threadInput, input);
  const actor = userActor(deps);
  // Only content the viewer may write at all is counted (a suspended author is refused, not counted).
  if (deps.ability.can("create", "ForumThread") && deps.ability.can("create", "ForumPost")) await countContent(deps, "forumThread", actor.id);
  const { thread, post } = await startThreadCommand(deps, input);
  await scanPost(deps, post, `${data.title}\n${data.body}`, post.createdAt);
  return thread;
}

const postInput = z.object({ threadId: zId, body: zBody });

const postCommand = defineCommand({
  name: "forums.postToThread",
  input: postInput,
  load: (c, i) => c.tx.forumThread.findUnique({ where: { id: i.threadId } }),
  authorize: (g, thread, i) => {
    const me = g.user();
    requireReadable(g, "ForumThread", thread, "Forum thread", i.threadId);
    g.can("create", "ForumPost", { authorId: me.id, programId: thread!.programId });
  },
  run: async (c, found, data) => {
    const thread = found!;
    // A locked thread takes no new posts, except from moderators.
    if (thread.locked && !c.ability.can("review", subject("ForumThread", thread) as never))
      throw new DomainError("PRECONDITION_FAILED", "This thread is locked by a moderator", { locked: true });
    const post = await c.tx.forumPost.create({ data: { threadId: thread.id, programId: thread.programId, authorId: actorId(c), body: data.body, createdAt: c.now } });
    await c.tx.forumThread.update({ where: { id: thread.id }, data: { lastPostAt: c.now } });
    return post;
  },
});

export async function postToForumThread(deps: ServiceDeps, input: unknown): Promise<ForumPost> {
  const data = parseInput(postInput, input);
  const actor = userActor(deps);
  await countContent(deps, "forumPost", actor.id);
  const post = await postCommand(deps, input);
  await scanPost(deps, post, data.body, post.createdAt);
  return post;
}

const editInput = z.object({ postId: zId, body: zBody });

const editCommand = defineCommand({
  name: "forums.editPost",
  input: editInput,
  // The thread comes along: a post in a hidden thread is unreadable, and a locked thread freezes its posts.
  load: (c, i) => c.tx.forumPost.findUnique({ where: { id: i.postId }, include: { thread: true } }),
  authorize: (g, p, i) => {
    g.user();
    requireReadable(g, "ForumPost", p, "Forum post", i.postId);
    g.can("update", "ForumPost", p!, "Only the author edits a post");
  },
  run: async (c, p, data) => {
    if (p!.thread.locked) throw new DomainError("PRECONDITION_FAILED", "This thread is locked by a moderator", { locked: true });
    return c.tx.forumPost.update({ where: { id: p!.id }, data: { body: data.body, editedAt: c.now } });
  },
});

export async function editForumPost(deps: ServiceDeps, input: unknown): Promise<ForumPost> {
  const data = parseInput(editInput, input);
  const post = await editCommand(deps, input);
  await scanPost(deps, post, data.body, post.editedAt!);
  return post;
}

const POST_ACTIONS = ["HIDE", "RESTORE"] as const;
const THREAD_ACTIONS = ["HIDE", "RESTORE", "LOCK", "UNLOCK", "PIN", "UNPIN"] as const;
const moderateInput = <A extends readonly [string, ...string[]]>(actions: A) =>
  z.object({ id: zId, action: z.enum(actions), reason: z.string().trim().min(3, "say why").max(2000) });

export const moderateForumPost = defineCommand({
  name: "forums.moderatePost",
  input: moderateInput(POST_ACTIONS),
  load: (c, i) => c.tx.forumPost.findUnique({ where: { id: i.id } }),
  authorize: (g, p, i) => {
    g.user();
    if (!p) throw notFound("Forum post", i.id);
    g.can("review", "ForumPost", p);
  },
  run: async (c, found, { id, action, reason }): Promise<ForumPost> => {
    const p = found!;
    const hide = action === "HIDE";
    const updated = await c.tx.forumPost.update({
      where: { id },
      data: hide ? { hiddenAt: c.now, hiddenById: actorId(c), hiddenReason: reason } : { hiddenAt: null, hiddenById: null, hiddenReason: null },
    });
    await c.audit({ action: `forum.post.${action.toLowerCase()}`, subjectType: "ForumPost", subjectId: id, before: { hidden: !!p.hiddenAt }, after: { hidden: hide }, reason });
    return updated;
  },
});

export const moderateForumThread = defineCommand({
  name: "forums.moderateThread",
  input: moderateInput(THREAD_ACTIONS),
  load: (c, i) => c.tx.forumThread.findUnique({ where: { id: i.id } }),
  authorize: (g, t, i) => {
    g.user();
    if (!t) throw notFound("Forum thread", i.id);
    g.can("review", "ForumThread", t);
  },
  run: async (c, found, { id, action, reason }): Promise<ForumThread> => {
    const t = found!;
    const data = {
      HIDE: { hiddenAt: c.now, hiddenById: actorId(c), hiddenReason: reason },
      RESTORE: { hiddenAt: null, hiddenById: null, hiddenReason: null },
      LOCK: { locked: true },
      UNLOCK: { locked: false },
      PIN: { pinned: true },
      UNPIN: { pinned: false },
    }[action];
    const updated = await c.tx.forumThread.update({ where: { id }, data });
    await c.audit({
      action: `forum.thread.${action.toLowerCase()}`,
      subjectType: "ForumThread",
      subjectId: id,
      before: { hidden: !!t.hiddenAt, locked: t.locked, pinned: t.pinned },
      after: { hidden: !!updated.hiddenAt, locked: updated.locked, pinned: updated.pinned },
      reason,
    });
    return updated;
  },
});
