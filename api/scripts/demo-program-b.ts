// Demo data for the program features (part B): library (draft + published), a certification program, a forum
// category with a thread, an open support ticket, an upcoming webinar, and a chat message when
// a mentorship between the demo mentor and mentee exists.
import { randomUUID } from "node:crypto";
import type { Db } from "../src/lib/db.js";

export async function seedProgramBDemo(db: Db, ids: Record<string, string>, now: Date): Promise<void> {
  const mentor = ids["mentor@demo.local"];
  const mentee = ids["mentee@demo.local"];
  const support = ids["support@demo.local"];
  const admin = ids["admin@demo.local"];
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

  await db.libraryItem.createMany({
    data: [
      {
        kind: "ARTICLE", status: "PUBLISHED", title: "Preparing for your first mentoring session",
        summary: "What to bring, what to expect, and how to set goals.",
        body: "Write down two goals, one question you are stuck on, and what a good outcome looks like for you.",
        tags: ["onboarding", "goals"], authorId: mentor, publishedAt: at(-60 * 24), publishedById: support, createdAt: at(-60 * 48), updatedAt: at(-60 * 24),
      },
      {
        kind: "VIDEO", status: "PUBLISHED", title: "System design interviews: a walkthrough", summary: "A 40-minute mock interview with commentary.",
        url: "https://videos.example.com/system-design-walkthrough", tags: ["interview", "backend"], authorId: mentor,
        publishedAt: at(-60 * 12), publishedById: admin, createdAt: at(-60 * 20), updatedAt: at(-60 * 12),
      },
      {
        kind: "TEMPLATE", status: "DRAFT", title: "One-page career plan", summary: "Draft waiting for review by support.",
        body: "Where I am:\nWhere I want to be in 12 months:\nThree steps:\nWho can help:", tags: ["template", "career"], authorId: mentor, createdAt: at(-90), updatedAt: at(-90),
      },
    ],
  });

  // earned in the mentorships of the Career Accelerator program (those of the demo mentee)
  const accelerator = await db.program.findFirst({ where: { name: "Career Accelerator" }, select: { id: true } });
  await db.certificationProgram.create({
    data: {
      name: "Career Accelerator Certificate",
      mentoringProgramId: accelerator?.id ?? null,
      description: "Awarded after four completed sessions, two milestones reached and an average evaluation of at least 70%.",
      minCompletedSessions: 4, minMilestonesReached: 2, minEvaluationScore: 70,
      rubric: [
        { key: "communication", label: "Communicates clearly and asks for help early", maxPoints: 10 },
        { key: "delivery", label: "Completes the agreed tasks", maxPoints: 10 },
        { key: "growth", label: "Acts on feedback", maxPoints: 10 },
      ],
      createdAt: at(-60 * 24 * 7),
      enrollments: { create: { menteeId: mentee, enrolledAt: at(-60 * 24 * 6) } },
    },
  });

  const category = await db.forumCategory.create({ data: { name: "Career switching", description: "Moving into tech from another field.", createdAt: at(-60 * 24 * 10) } });
  const thread = await db.forumThread.create({
    data: { categoryId: category.id, authorId: mentee, title: "From teaching to backend engineering: where to start?", createdAt: at(-60 * 5), lastPostAt: at(-60 * 2) },
  });
  await db.forumPost.createMany({
    data: [
      { threadId: thread.id, authorId: mentee, body: "I taught maths for six years. Which first project would you suggest?", createdAt: at(-60 * 5) },
      { threadId: thread.id, authorId: mentor, body: "Build a small API for something you know well, like a gradebook, and deploy it.", createdAt: at(-60 * 2) },
    ],
  });
  await db.forumCategory.create({ data: { name: "Interview preparation", position: 1, createdAt: at(-60 * 24 * 10) } });

  await db.supportTicket.create({
    data: {
      requesterId: mentee, subject: "Where do I find my session receipts?", status: "OPEN", createdAt: at(-45), updatedAt: at(-45),
      messages: { create: { authorId: mentee, fromStaff: false, body: "I need receipts for my employer's learning budget.", createdAt: at(-45) } },
    },
  });

  await db.webinar.create({
    data: {
      hostId: mentor, title: "Ask me anything: growing into a staff engineer", description: "Live Q&A, bring your questions.",
      startsAt: at(60 * 26), endsAt: at(60 * 27), capacity: 100, channelName: `webinar-${randomUUID()}`, createdAt: at(-60),
      registrations: { create: { userId: mentee, createdAt: at(-30) } },
    },
  });

  const mentorship = await db.mentorship.findFirst({ where: { mentorId: mentor, menteeId: mentee } });
  if (mentorship) {
    await db.chatMessage.createMany({
      data: [
        { mentorshipId: mentorship.id, authorId: mentee, body: "Thanks for today! I pushed the first version of the gradebook API.", programId: mentorship.programId, createdAt: at(-30) },
        { mentorshipId: mentorship.id, authorId: mentor, body: "Great, I'll review it before our next session.", programId: mentorship.programId, createdAt: at(-20) },
      ],
    });
  }
}
