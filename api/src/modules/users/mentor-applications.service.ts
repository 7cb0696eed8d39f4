import { z } from "zod";
import { defineCommand } from "../../lib/command.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { onEvent } from "../../lib/events.js";

// A ban ends the banned user's open applications (seed 003: pending requests are declined). The
// users module owns applications, so trust & safety asks through its event.
onEvent("safety.enforcementIssued", async (c, e) => {
  if (e.scope !== "ACCOUNT" || e.kind !== "BAN") return;
  const declined = await c.tx.mentorApplication.updateMany({
    where: { applicantId: e.userId, status: "PENDING" },
    data: { status: "REJECTED", decisionReason: "Account banned by Trust & Safety", decidedAt: c.now },
  });
  e.effects.applicationsDeclined = declined.count;
});

// Seed 004's selection criteria: professional experience, proven track record, willingness to
// mentor, relevant qualifications.
const submitInput = z.object({
  experience: z.string().trim().min(20, "describe your professional experience (20+ characters)").max(5000),
  trackRecord: z.string().trim().min(20, "describe your track record (20+ characters)").max(5000),
  qualifications: z.string().trim().min(3, "list your qualifications").max(5000),
  motivation: z.string().trim().min(20, "say why you want to mentor (20+ characters)").max(5000),
});

export const submitMentorApplication = defineCommand({
  name: "users.submitMentorApplication",
  input: submitInput,
  authorize: (g) => g.can("create", "MentorApplication", { applicantId: g.user().id }, "Only mentor accounts apply to mentor"),
  run: async (c, _none, data) => {
    const applicantId = (c.actor as { id: string }).id;
    const profile = await c.tx.mentorProfile.findUnique({ where: { userId: applicantId } });
    if (profile?.approved) throw new DomainError("CONFLICT", "You are already an approved mentor");
    const pending = await c.tx.mentorApplication.findFirst({ where: { applicantId, status: "PENDING" } });
    if (pending) throw new DomainError("CONFLICT", "You already have an application under review");
    return c.tx.mentorApplication.create({ data: { ...data, applicantId, createdAt: c.now } });
  },
});

const decideInput = z.object({
  applicationId: z.string().min(1),
  approve: z.boolean(),
  reason: z.string().trim().min(3, "say why").max(2000),
});

export const decideMentorApplication = defineCommand({
  name: "users.decideMentorApplication",
  input: decideInput,
  load: (c, i) => c.tx.mentorApplication.findUnique({ where: { id: i.applicationId } }),
  authorize: (g, existing, i) => {
    g.can("approve", "MentorApplication", undefined, "Only admins decide mentor applications");
    if (!existing) throw notFound("Mentor application", i.applicationId);
  },
  run: async (c, found, { applicationId, approve, reason }) => {
    const existing = found!;
    const { tx, now } = c;
    // Conditional update: two admins deciding at once cannot both win.
    const res = await tx.mentorApplication.updateMany({
      where: { id: applicationId, status: "PENDING" },
      data: { status: approve ? "APPROVED" : "REJECTED", reviewerId: c.actor?.kind === "USER" ? c.actor.id : null, decisionReason: reason, decidedAt: now },
    });
    if (res.count === 0) throw new DomainError("CONFLICT", `This application was already ${existing.status.toLowerCase()}`);
    if (approve) {
      await tx.mentorProfile.upsert({
        where: { userId: existing.applicantId },
        create: { userId: existing.applicantId, expertise: [], approved: true, approvedAt: now },
        update: { approved: true, approvedAt: now },
      });
    }
    await c.audit({ action: approve ? "mentorApplication.approve" : "mentorApplication.reject", subjectType: "MentorApplication", subjectId: applicationId, before: { status: "PENDING" }, after: { status: approve ? "APPROVED" : "REJECTED" }, reason });
    return tx.mentorApplication.findUniqueOrThrow({ where: { id: applicationId } });
  },
});
