// Resource library: mentors write drafts, staff publish/archive/edit, mentees
// read published items only; tags and search.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";

const FIELDS = `id kind status title summary body url tags authorId authorName publishedAt archivedAt`;
const CREATE = `mutation($i: CreateLibraryItemInput!) { createLibraryItem(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($i: UpdateLibraryItemInput!) { updateLibraryItem(input: $i) { ${FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishLibraryItem(input: { id: $id }) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveLibraryItem(input: { id: $id, reason: "outdated" }) { ${FIELDS} } }`;
const LIST = `query($f: LibraryFilter) { libraryItems(filter: $f, first: 50) { edges { node { id status title tags } } } }`;
const ONE = `query($id: ID!) { libraryItem(id: $id) { ${FIELDS} } }`;

let t: TestApp;
let mentor: TestUser, otherMentor: TestUser, mentee: TestUser, support: TestUser, admin: TestUser;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  [mentor, otherMentor, mentee, support, admin] = await Promise.all([t.user("MENTOR"), t.user("MENTOR"), t.user("MENTEE"), t.user("SUPPORT"), t.user("ADMIN")]);
});
afterAll(() => t?.close());

const ids = async (token: string, f?: Record<string, unknown>) =>
  ((await t.ok(LIST, { f }, token)).libraryItems.edges as { node: { id: string } }[]).map((e) => e.node.id);

async function draft(by: TestUser, i: Record<string, unknown> = {}) {
  return (await t.ok(CREATE, { i: { kind: "ARTICLE", title: "Negotiating your first salary", body: "Know your number.", tags: ["Career", "salary", "career"], ...i } }, by.token)).createLibraryItem;
}

describe("drafts and published items", () => {
  it("a mentor's draft is visible to its author and staff only; mentees see it once published", async () => {
    const d = await draft(mentor);
    expect(d).toMatchObject({ status: "DRAFT", authorId: mentor.id, publishedAt: null, tags: ["career", "salary"] });

    expect(await ids(mentor.token)).toContain(d.id);
    expect(await ids(support.token)).toContain(d.id);
    expect(await ids(admin.token)).toContain(d.id);
    expect(await ids(mentee.token)).not.toContain(d.id);
    expect(await ids(otherMentor.token)).not.toContain(d.id);
    expect(codes(await t.gql(ONE, { id: d.id }, mentee.token))).toEqual(["NOT_FOUND"]);

    t.clock.advanceMinutes(30);
    const p = (await t.ok(PUBLISH, { id: d.id }, support.token)).publishLibraryItem;
    expect(p).toMatchObject({ status: "PUBLISHED", publishedAt: "2026-03-02T09:30:00.000Z" });
    expect(await ids(mentee.token)).toContain(d.id);
    expect(await ids(otherMentor.token)).toContain(d.id);
    expect((await t.ok(ONE, { id: d.id }, mentee.token)).libraryItem.title).toBe("Negotiating your first salary");
    const audit = await t.db.auditLog.findFirst({ where: { subjectId: d.id, action: "library.published" } });
    expect(audit?.actorId).toBe(support.id);
  });

  it("archived items leave the mentees' library", async () => {
    const d = await draft(mentor, { title: "Old CV template", kind: "TEMPLATE", body: "", url: "https://files.example.com/cv.docx" });
    await t.ok(PUBLISH, { id: d.id }, admin.token);
    expect(await ids(mentee.token)).toContain(d.id);
    expect((await t.ok(ARCHIVE, { id: d.id }, support.token)).archiveLibraryItem.status).toBe("ARCHIVED");
    expect(await ids(mentee.token)).not.toContain(d.id);
    expect(await ids(mentor.token)).toContain(d.id);
    // archiving twice is a conflict, not a silent rewrite
    expect(codes(await t.gql(ARCHIVE, { id: d.id }, support.token))).toEqual(["CONFLICT"]);
  });
});

describe("who may write", () => {
  it("mentees cannot create items; mentors cannot publish or archive", async () => {
    expect(codes(await t.gql(CREATE, { i: { kind: "ARTICLE", title: "Mine", body: "x" } }, mentee.token))).toEqual(["FORBIDDEN"]);
    const d = await draft(mentor);
    expect(codes(await t.gql(PUBLISH, { id: d.id }, mentor.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(ARCHIVE, { id: d.id }, mentor.token))).toEqual(["FORBIDDEN"]);
    expect((await t.db.libraryItem.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("DRAFT");
  });

  it("authors edit their own drafts only; staff edit published items (audited)", async () => {
    const d = await draft(mentor);
    expect((await t.ok(UPDATE, { i: { id: d.id, title: "Negotiating salary, revised" } }, mentor.token)).updateLibraryItem.title).toBe("Negotiating salary, revised");
    // another mentor's draft is not even confirmed to exist
    expect(codes(await t.gql(UPDATE, { i: { id: d.id, title: "Hijacked" } }, otherMentor.token))).toEqual(["NOT_FOUND"]);
    await t.ok(PUBLISH, { id: d.id }, support.token);
    expect(codes(await t.gql(UPDATE, { i: { id: d.id, title: "Sneaky edit" } }, mentor.token))).toEqual(["FORBIDDEN"]);
    expect((await t.ok(UPDATE, { i: { id: d.id, summary: "Fixed by support" } }, support.token)).updateLibraryItem.summary).toBe("Fixed by support");
    expect(await t.db.auditLog.count({ where: { subjectId: d.id, action: "library.edit", actorId: support.id } })).toBe(1);
    expect((await t.db.libraryItem.findUniqueOrThrow({ where: { id: d.id } })).title).toBe("Negotiating salary, revised");
  });

  it("bad input is a coded error: a video needs an http(s) URL, a template a file or text", async () => {
    const noUrl = await t.gql(CREATE, { i: { kind: "VIDEO", title: "Interview tips" } }, mentor.token);
    expect(codes(noUrl)).toEqual(["BAD_USER_INPUT"]);
    expect(noUrl.errors![0].extensions!.fields).toHaveProperty("url");
    expect(codes(await t.gql(CREATE, { i: { kind: "VIDEO", title: "Interview tips", url: "javascript:alert(1)" } }, mentor.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(CREATE, { i: { kind: "TEMPLATE", title: "Empty" } }, mentor.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(CREATE, { i: { kind: "ARTICLE", title: "x", body: "too short a title" } }, mentor.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(PUBLISH, { id: "no-such-item" }, support.token))).toEqual(["NOT_FOUND"]);
  });
});

describe("tags and search", () => {
  it("finds published items by words (any field, case-insensitive) and by every given tag", async () => {
    const video = await draft(mentor, { kind: "VIDEO", title: "Mock interview walkthrough", body: "", url: "https://video.example.com/v/42", tags: ["interview", "video"] });
    const article = await draft(mentor, { title: "Writing a cover letter", body: "Open with the INTERVIEW you want.", tags: ["writing"] });
    const hidden = await draft(mentor, { title: "Interview draft notes", tags: ["interview"] });
    await t.ok(PUBLISH, { id: video.id }, support.token);
    await t.ok(PUBLISH, { id: article.id }, support.token);

    const found = await ids(mentee.token, { search: "interview" });
    expect(found).toEqual(expect.arrayContaining([video.id, article.id]));
    expect(found).not.toContain(hidden.id);
    expect(await ids(mentee.token, { tags: ["Interview", "video"] })).toEqual([video.id]);
    expect(await ids(mentee.token, { search: "cover letter", kind: "ARTICLE" })).toEqual([article.id]);
    expect(await ids(mentee.token, { search: "walkthrough", kind: "ARTICLE" })).toEqual([]);
    // a mentee asking for drafts gets none
    expect(await ids(mentee.token, { status: "DRAFT" })).toEqual([]);
  });
});
