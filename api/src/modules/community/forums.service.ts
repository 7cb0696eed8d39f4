// Forums: categories, threads and posts; support staff moderate. Posts pass through the trust &
// safety detectors after commit (a hit files a report into the review queue; the post stays).
import { z } from "zod";
import { subject } from "@casl/ability";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zId, zName } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import { logger } from "../../lib/logger.js";
import type { ForumCategory, ForumPost, ForumThread } from "../../generated/prisma/client.js";
import { recordAudit, announceAudit } from "../audit/index.js";
import { scanContent } from "../safety/index.js";
import { countContent, currentPolicy } from "../policy/index.js";

const zBody = z.string().trim().min(1, "must not be empty").max(20_000);
const zTitle = zName(200).min(3);

function userActor(deps: ServiceDeps) {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return deps.actor;
}

function isUnique(e: unknown) {
  return (e as { code?: string }).code === "P2002";
}

const categoryInput = z.object({
  name: zName(80).min(2),
  description: z.string().trim().max(2000).default(""),
  position: z.number().int().min(0).max(10_000).default(0),
  programId: zId.optional(),
});

export async function createForumCategory(deps: ServiceDeps, input: unknown): Promise<ForumCategory> {
  const data = parseInput(categoryInput, input);
  userActor(deps);
  assertCan(deps.ability, "create", "ForumCategory");
  const audits: { id: string }[] = [];
  try {
    const row = await deps.db.$transaction(async (tx) => {
      if (data.programId && !(await tx.program.findUnique({ where: { id: data.programId }, select: { id: true } }))) throw notFound("Program", data.programId);
      const c = await tx.forumCategory.create({ data: { ...data, programId: data.programId ?? null, createdAt: deps.clock.now() } });
      audits.push(await recordAudit(tx, deps.actor, { action: "forum.category.create", subjectType: "ForumCategory", subjectId: c.id, after: data }, deps.requestId));
      return c;
    });
    announceAudit(deps.pubsub, audits);
    return row;
  } catch (e) {
    if (isUnique(e)) throw new DomainError("CONFLICT", "A category with this name already exists");
    throw e;
  }
}

/** Threads the viewer may not read (hidden by moderation) look absent. */
async function visibleThread(deps: ServiceDeps, tx: DbTx, id: string): Promise<ForumThread> {
  const t = await tx.forumThread.findUnique({ where: { id } });
  if (!t || !deps.ability.can("read", subject("ForumThread", t) as never)) throw notFound("Forum thread", id);
  return t;
}

/** After commit: detectors over the text, with the author's recent post times for the burst rule. */
async function scanPost(deps: ServiceDeps, post: ForumPost, text: string) {
  try {
    const { values } = await currentPolicy(deps.db);
    const since = new Date(deps.clock.now().getTime() - values.safety.spamBurstWindowSeconds * 1000);
    const recent = await deps.db.forumPost.findMany({ where: { authorId: post.authorId, createdAt: { gte: since } }, select: { createdAt: true } });
    await scanContent(deps, { authorId: post.authorId, source: "forum", refId: post.id, text, recentMessageTimes: recent.map((r) => r.createdAt) });
  } catch (e) {
    // The post is stored; a detector failure must not turn it into an error for the author.
    logger.error({ err: e, postId: post.id }, "forum post scan failed");
  }
}

const threadInput = z.object({ categoryId: zId, title: zTitle, body: zBody });

export async function startForumThread(deps: ServiceDeps, input: unknown): Promise<ForumThread> {
  const data = parseInput(threadInput, input);
  const actor = userActor(deps);
  assertCan(deps.ability, "create", "ForumThread");
  assertCan(deps.ability, "create", "ForumPost");
  await countContent(deps, "forumThread", actor.id);
  const now = deps.clock.now();
  const { thread, post } = await deps.db.$transaction(async (tx) => {
    const category = await tx.forumCategory.findUnique({ where: { id: data.categoryId }, select: { id: true, programId: true } });
    if (!category) throw notFound("Forum category", data.categoryId);
    // A program's category: a program-scoped suspension refuses it, with its reason.
    assertCan(deps.ability, "create", "ForumThread", { authorId: actor.id, programId: category.programId });
    assertCan(deps.ability, "create", "ForumPost", { authorId: actor.id, programId: category.programId });
    const thread = await tx.forumThread.create({ data: { categoryId: data.categoryId, programId: category.programId, authorId: actor.id, title: data.title, createdAt: now, lastPostAt: now } });
    const post = await tx.forumPost.create({ data: { threadId: thread.id, programId: category.programId, authorId: actor.id, body: data.body, createdAt: now } });
    return { thread, post };
  });
  await scanPost(deps, post, `${data.title}\n${data.body}`);
  return thread;
}

const postInput = z.object({ threadId: zId, body: zBody });

export async function postToForumThread(deps: ServiceDeps, input: unknown): Promise<ForumPost> {
  const data = parseInput(postInput, input);
  const actor = userActor(deps);
  await countContent(deps, "forumPost", actor.id);
  const post = await deps.db.$transaction(async (tx) => {
    const thread = await visibleThread(deps, tx, data.threadId);
    assertCan(deps.ability, "create", "ForumPost", { authorId: actor.id, programId: thread.programId });
    // A locked thread takes no new posts, except from moderators.
    if (thread.locked && !deps.ability.can("review", subject("ForumThread", thread) as never))
      throw new DomainError("PRECONDITION_FAILED", "This thread is locked by a moderator", { locked: true });
    const now = deps.clock.now();
    const p = await tx.forumPost.create({ data: { threadId: thread.id, programId: thread.programId, authorId: actor.id, body: data.body, createdAt: now } });
    await tx.forumThread.update({ where: { id: thread.id }, data: { lastPostAt: now } });
    return p;
  });
  await scanPost(deps, post, data.body);
  return post;
}

const editInput = z.object({ postId: zId, body: zBody });

export async function editForumPost(deps: ServiceDeps, input: unknown): Promise<ForumPost> {
  const data = parseInput(editInput, input);
  userActor(deps);
  const post = await deps.db.$transaction(async (tx) => {
    const p = await tx.forumPost.findUnique({ where: { id: data.postId }, include: { thread: true } });
    if (!p || !deps.ability.can("read", subject("ForumPost", p) as never)) throw notFound("Forum post", data.postId);
    assertCan(deps.ability, "update", "ForumPost", p, "Only the author edits a post");
    if (p.thread.locked) throw new DomainError("PRECONDITION_FAILED", "This thread is locked by a moderator", { locked: true });
    return tx.forumPost.update({ where: { id: p.id }, data: { body: data.body, editedAt: deps.clock.now() } });
  });
  await scanPost(deps, post, data.body);
  return post;
}

const POST_ACTIONS = ["HIDE", "RESTORE"] as const;
const THREAD_ACTIONS = ["HIDE", "RESTORE", "LOCK", "UNLOCK", "PIN", "UNPIN"] as const;
const moderateInput = <A extends readonly [string, ...string[]]>(actions: A) =>
  z.object({ id: zId, action: z.enum(actions), reason: z.string().trim().min(3, "say why").max(2000) });

export async function moderateForumPost(deps: ServiceDeps, input: unknown): Promise<ForumPost> {
  const { id, action, reason } = parseInput(moderateInput(POST_ACTIONS), input);
  const actor = userActor(deps);
  const audits: { id: string }[] = [];
  const row = await deps.db.$transaction(async (tx) => {
    const p = await tx.forumPost.findUnique({ where: { id } });
    if (!p) throw notFound("Forum post", id);
    assertCan(deps.ability, "review", "ForumPost", p);
    const hide = action === "HIDE";
    const updated = await tx.forumPost.update({
      where: { id },
      data: hide ? { hiddenAt: deps.clock.now(), hiddenById: actor.id, hiddenReason: reason } : { hiddenAt: null, hiddenById: null, hiddenReason: null },
    });
    audits.push(await recordAudit(tx, deps.actor, { action: `forum.post.${action.toLowerCase()}`, subjectType: "ForumPost", subjectId: id, before: { hidden: !!p.hiddenAt }, after: { hidden: hide }, reason }, deps.requestId));
    return updated;
  });
  announceAudit(deps.pubsub, audits);
  return row;
}

export async function moderateForumThread(deps: ServiceDeps, input: unknown): Promise<ForumThread> {
  const { id, action, reason } = parseInput(moderateInput(THREAD_ACTIONS), input);
  const actor = userActor(deps);
  const audits: { id: string }[] = [];
  const row = await deps.db.$transaction(async (tx) => {
    const t = await tx.forumThread.findUnique({ where: { id } });
    if (!t) throw notFound("Forum thread", id);
    assertCan(deps.ability, "review", "ForumThread", t);
    const now = deps.clock.now();
    const data = {
      HIDE: { hiddenAt: now, hiddenById: actor.id, hiddenReason: reason },
      RESTORE: { hiddenAt: null, hiddenById: null, hiddenReason: null },
      LOCK: { locked: true },
      UNLOCK: { locked: false },
      PIN: { pinned: true },
      UNPIN: { pinned: false },
    }[action];
    const updated = await tx.forumThread.update({ where: { id }, data });
    audits.push(
      await recordAudit(tx, deps.actor, { action: `forum.thread.${action.toLowerCase()}`, subjectType: "ForumThread", subjectId: id, before: { hidden: !!t.hiddenAt, locked: t.locked, pinned: t.pinned }, after: { hidden: !!updated.hiddenAt, locked: updated.locked, pinned: updated.pinned }, reason }, deps.requestId),
    );
    return updated;
  });
  announceAudit(deps.pubsub, audits);
  return row;
}
