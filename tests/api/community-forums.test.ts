// Forums: categories, threads and posts; staff moderation (hide/restore, lock,
// pin) with reasons and audit; posts pass through the trust & safety detectors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";

const CATEGORY = `mutation($i: CreateForumCategoryInput!) { createForumCategory(input: $i) { id name } }`;
const START = `mutation($c: ID!, $t: String!, $b: String!) { startForumThread(input: { categoryId: $c, title: $t, body: $b }) { id title locked authorId } }`;
const POST = `mutation($t: ID!, $b: String!) { postToForumThread(input: { threadId: $t, body: $b }) { id body authorId } }`;
const EDIT = `mutation($p: ID!, $b: String!) { editForumPost(input: { postId: $p, body: $b }) { id body editedAt } }`;
const MOD_POST = `mutation($id: ID!, $a: ForumPostModeration!) { moderateForumPost(input: { id: $id, action: $a, reason: "personal attack" }) { id hidden hiddenReason } }`;
const MOD_THREAD = `mutation($id: ID!, $a: ForumThreadModeration!) { moderateForumThread(input: { id: $id, action: $a, reason: "moderation" }) { id hidden locked pinned } }`;
const THREAD = `query($id: ID!) { forumThread(id: $id) { id title locked posts(first: 50) { edges { node { id body hidden } } } } }`;
const CATEGORIES = `query { forumCategories { id name threads(first: 20) { edges { node { id title pinned } } } } }`;

let t: TestApp;
let mentee: TestUser, mentor: TestUser, support: TestUser, admin: TestUser;
let categoryId: string;
beforeAll(async () => {
  t = await startTestApp();
  [mentee, mentor, support, admin] = await Promise.all([t.user("MENTEE"), t.user("MENTOR"), t.user("SUPPORT"), t.user("ADMIN")]);
  categoryId = (await t.ok(CATEGORY, { i: { name: "Career switching", description: "Moving into a new field" } }, support.token)).createForumCategory.id;
});
afterAll(() => t?.close());

const postBodies = async (u: TestUser, threadId: string) =>
  ((await t.ok(THREAD, { id: threadId }, u.token)).forumThread.posts.edges as { node: { body: string } }[]).map((e) => e.node.body);

describe("categories and threads", () => {
  it("staff curate categories; users start threads and reply", async () => {
    expect(codes(await t.gql(CATEGORY, { i: { name: "Off topic" } }, mentor.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(CATEGORY, { i: { name: "Career switching" } }, admin.token))).toEqual(["CONFLICT"]);
    const th = (await t.ok(START, { c: categoryId, t: "From teaching to UX?", b: "Has anyone done this?" }, mentee.token)).startForumThread;
    await t.ok(POST, { t: th.id, b: "Yes, start with a portfolio." }, mentor.token);
    expect(await postBodies(mentee, th.id)).toEqual(["Has anyone done this?", "Yes, start with a portfolio."]);
    expect(codes(await t.gql(START, { c: "no-such-category", t: "Hello there", b: "x" }, mentee.token))).toEqual(["NOT_FOUND"]);
    expect(codes(await t.gql(POST, { t: th.id, b: "" }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
  });

  it("only the author edits a post", async () => {
    const th = (await t.ok(START, { c: categoryId, t: "Salary bands", b: "What are typical bands?" }, mentee.token)).startForumThread;
    const p = (await t.ok(POST, { t: th.id, b: "Depends on the city" }, mentor.token)).postToForumThread;
    expect(codes(await t.gql(EDIT, { p: p.id, b: "vandalised" }, mentee.token))).toEqual(["FORBIDDEN"]);
    expect((await t.ok(EDIT, { p: p.id, b: "Depends on the city and level" }, mentor.token)).editForumPost.body).toBe("Depends on the city and level");
  });
});

describe("staff moderation", () => {
  it("a hidden post disappears for users, stays visible to staff, and can be restored (audited)", async () => {
    const th = (await t.ok(START, { c: categoryId, t: "Interview nerves", b: "Any tips?" }, mentee.token)).startForumThread;
    const rude = (await t.ok(POST, { t: th.id, b: "What a stupid question" }, mentor.token)).postToForumThread;
    expect(codes(await t.gql(MOD_POST, { id: rude.id, a: "HIDE" }, mentee.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(MOD_POST, { id: rude.id, a: "HIDE" }, mentor.token))).toEqual(["FORBIDDEN"]);
    expect((await t.ok(MOD_POST, { id: rude.id, a: "HIDE" }, support.token)).moderateForumPost).toMatchObject({ hidden: true, hiddenReason: "personal attack" });
    expect(await postBodies(mentee, th.id)).toEqual(["Any tips?"]);
    expect(await postBodies(mentor, th.id)).toEqual(["Any tips?"]);
    expect(await postBodies(support, th.id)).toEqual(["Any tips?", "What a stupid question"]);
    // the author cannot edit a hidden post back into view
    expect(codes(await t.gql(EDIT, { p: rude.id, b: "sorry" }, mentor.token))).toEqual(["NOT_FOUND"]);
    expect(await t.db.auditLog.count({ where: { subjectId: rude.id, action: "forum.post.hide", actorId: support.id, reason: "personal attack" } })).toBe(1);
    await t.ok(MOD_POST, { id: rude.id, a: "RESTORE" }, admin.token);
    expect(await postBodies(mentee, th.id)).toHaveLength(2);
  });

  it("a locked thread takes no new posts except from moderators; hidden threads vanish; pinned threads come first", async () => {
    const th = (await t.ok(START, { c: categoryId, t: "Heated debate", b: "Opinions?" }, mentee.token)).startForumThread;
    await t.ok(MOD_THREAD, { id: th.id, a: "LOCK" }, support.token);
    expect(codes(await t.gql(POST, { t: th.id, b: "one more thing" }, mentee.token))).toEqual(["PRECONDITION_FAILED"]);
    expect((await t.ok(POST, { t: th.id, b: "Locked: please keep it civil." }, support.token)).postToForumThread.body).toBe("Locked: please keep it civil.");

    await t.ok(MOD_THREAD, { id: th.id, a: "PIN" }, support.token);
    const cats = (await t.ok(CATEGORIES, {}, mentee.token)).forumCategories;
    expect(cats.find((c: { id: string }) => c.id === categoryId).threads.edges[0].node).toMatchObject({ id: th.id, pinned: true });

    await t.ok(MOD_THREAD, { id: th.id, a: "HIDE" }, support.token);
    expect(codes(await t.gql(THREAD, { id: th.id }, mentee.token))).toEqual(["NOT_FOUND"]);
    expect(codes(await t.gql(POST, { t: th.id, b: "hello?" }, mentor.token))).toEqual(["NOT_FOUND"]);
    expect((await t.ok(THREAD, { id: th.id }, support.token)).forumThread.id).toBe(th.id);
  });
});

describe("trust & safety", () => {
  it("forum posts pass through the detectors: contact details file a report by the system", async () => {
    const th = (await t.ok(START, { c: categoryId, t: "Need a mentor", b: "Looking for help" }, mentee.token)).startForumThread;
    const p = (await t.ok(POST, { t: th.id, b: "Email me at someone@example.com and pay me directly" }, mentor.token)).postToForumThread;
    const reports = await t.db.report.findMany({ where: { subjectId: mentor.id, source: "DETECTOR" } });
    expect(reports.map((r) => r.detectorRule)).toEqual(expect.arrayContaining(["contact.email", "offPlatform.request"]));
    expect(reports.every((r) => (r.evidence as { refId: string }).refId === p.id)).toBe(true);
  });
});
