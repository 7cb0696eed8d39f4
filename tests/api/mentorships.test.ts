// Mentorships and agreements (seed 004): proposed by one, accepted by the other,
// immutable once both accepted (service and database), amend = new version, completed after the end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";
import { logger } from "../../api/src/lib/logger.js";
import { completeAgreementsJob } from "../../api/src/modules/mentorships/mentorships.jobs.js";
import { ACCEPT, ACCEPT_REQUEST, DECLINE, MENTORSHIP, PROPOSE, START, TERMS, UPDATE_PROPOSAL, activeMentorship } from "../helpers/mentorships.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t?.close());

describe("mentorships", () => {
  it("a mentee starts one with an approved mentor; once per pair; strangers cannot read it", async () => {
    const mentor = await t.user("MENTOR");
    const mentee = await t.user("MENTEE");
    const stranger = await t.user("MENTEE");
    const m = (await t.ok(START, { i: { mentorId: mentor.id } }, mentee.token)).startMentorship;
    expect(m).toMatchObject({ status: "PENDING", mentor: { id: mentor.id }, mentee: { id: mentee.id } });
    expect(codes(await t.gql(START, { i: { mentorId: mentor.id } }, mentee.token))).toEqual(["CONFLICT"]);
    expect(codes(await t.gql(START, { i: { menteeId: mentee.id } }, mentor.token))).toEqual(["CONFLICT"]);
    expect(codes(await t.gql(MENTORSHIP, { id: m.id }, stranger.token))).toEqual(["NOT_FOUND"]);
    const unapproved = await t.user("MENTOR", { approved: false });
    expect(codes(await t.gql(START, { i: { mentorId: unapproved.id } }, stranger.token))).toEqual(["PRECONDITION_FAILED"]);
    expect(codes(await t.gql(START, { i: {} }, stranger.token))).toEqual(["BAD_USER_INPUT"]);
    // the programless pair is unique in the database too (partial unique index)
    await expect(t.db.mentorship.create({ data: { mentorId: mentor.id, menteeId: mentee.id, startedBy: "MENTEE", createdAt: new Date() } })).rejects.toThrow();
  });
});

describe("agreements", () => {
  it("the proposer cannot accept their own proposal; the other party can; then it is in force", async () => {
    const mentor = await t.user("MENTOR");
    const mentee = await t.user("MENTEE");
    const m = (await t.ok(START, { i: { mentorId: mentor.id } }, mentee.token)).startMentorship;
    await t.ok(ACCEPT_REQUEST, { id: m.id }, mentor.token);
    const a = (await t.ok(PROPOSE, { i: { mentorshipId: m.id, terms: TERMS } }, mentee.token)).proposeAgreement;
    expect(a).toMatchObject({ version: 1, status: "PROPOSED", proposedBy: "MENTEE", mentorAcceptedAt: null });
    expect(a.menteeAcceptedAt).not.toBeNull();
    expect(codes(await t.gql(ACCEPT, { id: a.id }, mentee.token))).toEqual(["FORBIDDEN"]);
    const admin = await t.user("ADMIN");
    expect(codes(await t.gql(ACCEPT, { id: a.id }, admin.token))).toEqual(["FORBIDDEN"]);
    const ok = (await t.ok(ACCEPT, { id: a.id }, mentor.token)).acceptAgreement;
    expect(ok.status).toBe("ACCEPTED");
    const view = (await t.ok(MENTORSHIP, { id: m.id }, mentee.token)).mentorship;
    expect(view).toMatchObject({ status: "ACTIVE", currentAgreement: { version: 1, status: "ACCEPTED" } });
  });

  it("validates the terms with coded errors", async () => {
    const mentor = await t.user("MENTOR");
    const mentee = await t.user("MENTEE");
    const m = (await t.ok(START, { i: { mentorId: mentor.id } }, mentee.token)).startMentorship;
    const bad = await t.gql(PROPOSE, { i: { mentorshipId: m.id, terms: { ...TERMS, endsOn: "2026-01-01", sessionsPerMonth: 0, objectives: " " } } }, mentor.token);
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    expect(Object.keys(bad.errors![0].extensions!.fields)).toEqual(expect.arrayContaining(["terms.objectives", "terms.sessionsPerMonth"]));
    expect(codes(await t.gql(PROPOSE, { i: { mentorshipId: m.id, terms: { ...TERMS, startsOn: "2026-02-30x" } } }, mentor.token))).toEqual(["BAD_USER_INPUT"]);
  });

  it("is immutable once both accepted: edits refused (service and database), amending makes version 2", async () => {
    const { mentor, mentee, mentorshipId, agreementId } = await activeMentorship(t);
    const edit = await t.gql(UPDATE_PROPOSAL, { i: { agreementId, terms: { ...TERMS, objectives: "changed" } } }, mentor.token);
    expect(codes(edit)).toEqual(["CONFLICT"]);
    expect(codes(await t.gql(DECLINE, { id: agreementId }, mentee.token))).toEqual(["CONFLICT"]);
    expect(codes(await t.gql(ACCEPT, { id: agreementId }, mentee.token))).toEqual(["CONFLICT"]);
    // the database refuses it too, whoever writes
    await expect(t.db.mentorshipAgreement.update({ where: { id: agreementId }, data: { objectives: "sneaky" } })).rejects.toThrow(/immutable/);
    await expect(t.db.mentorshipAgreement.delete({ where: { id: agreementId } })).rejects.toThrow(/immutable/);
    // amend = a new version; accepting it supersedes version 1 whose terms stay as they were
    const v2 = (await t.ok(PROPOSE, { i: { mentorshipId, terms: { ...TERMS, sessionsPerMonth: 4 } } }, mentor.token)).proposeAgreement;
    expect(v2).toMatchObject({ version: 2, amendsVersion: 1, status: "PROPOSED" });
    await t.ok(ACCEPT, { id: v2.id }, mentee.token);
    const v1 = await t.db.mentorshipAgreement.findUniqueOrThrow({ where: { id: agreementId } });
    expect(v1).toMatchObject({ status: "SUPERSEDED", objectives: TERMS.objectives, sessionsPerMonth: 2 });
    const view = (await t.ok(MENTORSHIP, { id: mentorshipId }, mentor.token)).mentorship;
    expect(view.currentAgreement).toEqual({ version: 2, status: "ACCEPTED" });
    expect(view.agreements.map((a: { version: number; status: string }) => `${a.version}:${a.status}`)).toEqual(["2:ACCEPTED", "1:SUPERSEDED"]);
  });

  it("the proposer may revise an open proposal (the other's acceptance is not carried over)", async () => {
    const mentor = await t.user("MENTOR");
    const mentee = await t.user("MENTEE");
    const m = (await t.ok(START, { i: { menteeId: mentee.id } }, mentor.token)).startMentorship;
    await t.ok(ACCEPT_REQUEST, { id: m.id }, mentee.token);
    const a = (await t.ok(PROPOSE, { i: { mentorshipId: m.id, terms: TERMS } }, mentor.token)).proposeAgreement;
    expect(codes(await t.gql(UPDATE_PROPOSAL, { i: { agreementId: a.id, terms: TERMS } }, mentee.token))).toEqual(["FORBIDDEN"]);
    const r = (await t.ok(UPDATE_PROPOSAL, { i: { agreementId: a.id, terms: { ...TERMS, scope: "narrower" } } }, mentor.token)).updateAgreementProposal;
    expect(r).toMatchObject({ version: 1, scope: "narrower", status: "PROPOSED" });
    const d = (await t.ok(DECLINE, { id: a.id }, mentee.token)).declineAgreement;
    expect(d.status).toBe("DECLINED");
  });

  it("completes automatically after the end date, exactly once, as the system (audited)", async () => {
    const { mentorshipId, agreementId, mentee } = await activeMentorship(t, { terms: { endsOn: "2026-03-10" } });
    const run = () => completeAgreementsJob.run({ db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger });
    t.clock.set("2026-03-10T23:59:00Z");
    await run();
    expect((await t.db.mentorshipAgreement.findUniqueOrThrow({ where: { id: agreementId } })).status).toBe("ACCEPTED");
    t.clock.set("2026-03-11T00:01:00Z");
    const [a, b] = await Promise.all([run(), run()]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect((await t.db.mentorshipAgreement.findUniqueOrThrow({ where: { id: agreementId } })).status).toBe("COMPLETED");
    expect((await t.ok(MENTORSHIP, { id: mentorshipId }, mentee.token)).mentorship.status).toBe("COMPLETED");
    const audits = await t.db.auditLog.findMany({ where: { subjectId: agreementId, action: "agreement.complete" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorKind: "SYSTEM" });
    expect(await t.db.notification.count({ where: { kind: "mentorship.completed", payload: { path: ["agreementId"], equals: agreementId }, channel: "IN_APP" } })).toBe(2);
    t.clock.set("2026-03-02T09:00:00Z");
  });
});
