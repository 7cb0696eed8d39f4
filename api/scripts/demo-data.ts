// Demo data for a newcomer: a lived-in platform with known logins. Each domain adds its part.
import type { Db } from "../src/lib/db.js";
import { hashPassword } from "../src/lib/password.js";
import { seedSessionsDemo } from "./demo-sessions.js";
import { seedSafetyDemo } from "./demo-safety.js";
import { seedComplaintsDemo } from "./demo-complaints.js";
import { seedMoneyDemo } from "./demo-money.js";
import { seedProgramBDemo } from "./demo-program-b.js";
import { seedProgramADemo } from "./demo-program-a.js";
import { seedTrustDemo } from "./demo-trust.js";

export const DEMO_PASSWORD = "demo-password-1";

export const DEMO_USERS = [
  { email: "admin@demo.local", displayName: "Ada Admin", role: "ADMIN", timeZone: "Europe/London" },
  { email: "support@demo.local", displayName: "Sam Support", role: "SUPPORT", timeZone: "Europe/Berlin" },
  { email: "mentor@demo.local", displayName: "Maya Mentor", role: "MENTOR", timeZone: "America/New_York", approved: true, headline: "Staff engineer, 12 years in distributed systems", rate: 9000, expertise: ["backend", "career"] },
  { email: "mentor2@demo.local", displayName: "Kenji Mentor", role: "MENTOR", timeZone: "Asia/Tokyo", approved: true, headline: "Product design lead", rate: 7000, expertise: ["design", "product"] },
  { email: "applicant@demo.local", displayName: "Priya Applicant", role: "MENTOR", timeZone: "Asia/Kolkata", approved: false, headline: "Data scientist", rate: 6000, expertise: ["data"] },
  { email: "mentee@demo.local", displayName: "Leo Mentee", role: "MENTEE", timeZone: "Europe/Paris" },
  { email: "mentee2@demo.local", displayName: "Zoe Mentee", role: "MENTEE", timeZone: "America/Los_Angeles" },
  { email: "mentee3@demo.local", displayName: "Omar Mentee", role: "MENTEE", timeZone: "Africa/Cairo" },
] as const;

export async function isEmpty(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}

export async function seedDemo(db: Db, passwordHashCost: number, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD, passwordHashCost);
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const created = await db.user.create({
      data: {
        email: u.email,
        displayName: u.displayName,
        role: u.role,
        timeZone: u.timeZone,
        passwordHash,
        ...("headline" in u
          ? {
              mentorProfile: {
                create: {
                  headline: u.headline,
                  bio: `${u.displayName} mentors on ${u.expertise.join(", ")}.`,
                  expertise: [...u.expertise],
                  hourlyRateMinor: u.rate,
                  currency: "USD",
                  approved: u.approved,
                  approvedAt: u.approved ? now : null,
                },
              },
            }
          : {}),
      },
    });
    ids[u.email] = created.id;
  }
  await db.mentorApplication.create({
    data: {
      applicantId: ids["applicant@demo.local"],
      experience: "Eight years of applied machine learning in retail and health care.",
      trackRecord: "Led a team of six; mentored four junior analysts into senior roles.",
      qualifications: "MSc Statistics",
      motivation: "I want to help people move from analytics into machine learning engineering.",
    },
  });
  const program = await db.program.create({
    data: { name: "Career Accelerator", description: "Twelve weeks of one-to-one mentoring for early-career engineers.", kind: "MENTORSHIP" },
  });
  await db.programMember.createMany({
    data: [
      { programId: program.id, userId: ids["mentor@demo.local"], role: "MENTOR" },
      { programId: program.id, userId: ids["support@demo.local"], role: "SUPPORT" },
      { programId: program.id, userId: ids["mentee@demo.local"], role: "MENTEE" },
    ],
  });
  await db.platformConfig.upsert({ where: { id: "default" }, create: { id: "default" }, update: {} });
  await seedSessionsDemo(db, ids, now);
  await seedMoneyDemo(db, ids, now);
  await seedSafetyDemo(db, ids, now);
  await seedComplaintsDemo(db, ids, now);
  await seedProgramADemo(db, ids, now);
  // last: its chat needs the mentorships of the demo (when seeded)
  await seedProgramBDemo(db, ids, now);
  await seedTrustDemo(db, ids, now);
}

export function printLogins(log: (s: string) => void = console.log): void {
  log("Demo logins (password for all: " + DEMO_PASSWORD + "):");
  for (const u of DEMO_USERS) log(`  ${u.role.padEnd(8)} ${u.email}`);
}
