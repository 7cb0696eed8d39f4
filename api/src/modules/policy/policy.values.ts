// Every threshold of the platform, as data. Defaults come from the policy documents in
// shared/seeds (000/001 mentoring guidelines, 002 mentor code of conduct, 003 trust & safety,
// 004 terms). Admins change them with `updatePolicy`; each change is a new version.
import { z } from "zod";

const minutes = (d: number) => z.number().int().min(0).max(60 * 24 * 365).default(d);
const hours = (d: number) => z.number().int().min(0).max(24 * 365).default(d);
const days = (d: number) => z.number().int().min(0).max(3650).default(d);
const count = (d: number) => z.number().int().min(1).max(1000).default(d);
/** Fee multipliers in basis points: 10000 = 1.00x. */
const bps = (d: number) => z.number().int().min(0).max(100_000).default(d);

export const policyValuesSchema = z
  .object({
    auth: z
      .object({
        // failed log-ins per (account, client address) in the window, then RATE_LIMITED
        loginMaxFailures: count(5),
        loginWindowMinutes: minutes(15),
        // log-in attempts per client address (all accounts) in the window
        loginMaxAttemptsPerAddress: z.number().int().min(1).max(100_000).default(100),
        // account-wide: after this many failures (from any address) attempts are spaced out,
        // the gap doubling from the base up to the cap; the owner is slowed, never locked out
        loginAccountFailuresBeforeDelay: count(10),
        loginDelayBaseSeconds: z.number().int().min(1).max(3600).default(1),
        loginDelayMaxSeconds: z.number().int().min(1).max(3600).default(60),
        // new passwords: length and zxcvbn strength score (0 weakest .. 4 strongest)
        passwordMinLength: z.number().int().min(8).max(128).default(10),
        passwordMinScore: z.number().int().min(0).max(4).default(2),
        signUpsPerAddressPerHour: count(10),
      })
      .prefault({}),
    scheduling: z
      .object({
        // seed 002: the room opens 5-10 minutes before the session
        roomOpensMinutesBefore: minutes(10),
        minNoticeMinutes: minutes(120),
        bufferMinutes: minutes(10),
        slotStepMinutes: z.number().int().min(5).max(240).default(30),
        maxBookingDaysAhead: days(90),
        reminderMinutesBefore: z.array(z.number().int().min(1).max(60 * 24 * 30)).max(10).default([1440, 60]),
        // cancel / reschedule windows: at least this long before the start, by whom, and the refund
        menteeCancelFullRefundHours: hours(24),
        menteeCancelLateRefundPercent: z.number().int().min(0).max(100).default(50),
        mentorCancelMinHours: hours(24),
        rescheduleMinHours: hours(24),
        // no-show: how long after the start a party may be absent before it counts
        noShowAfterMinutes: minutes(15),
        // bookable session lengths (the seeds set none; one hour is the usual unit of the rate)
        minDurationMinutes: z.number().int().min(5).max(24 * 60).default(15),
        maxDurationMinutes: z.number().int().min(5).max(24 * 60).default(240),
        // seed 000: a mentor who leaves a live call and has not rejoined within this window hung up
        mentorRejoinWindowMinutes: minutes(5),
      })
      .prefault({}),
    tardiness: z
      .object({
        graceMinutes: minutes(5),
        // each late record within the window lowers the multiplier by this step
        latePenaltyBps: bps(500),
        lateWindowDays: days(90),
        // every N consecutive on-time sessions raise it by the reward step
        onTimeStreakLength: count(5),
        streakRewardBps: bps(200),
        multiplierFloorBps: bps(7000),
        multiplierCapBps: bps(12000),
      })
      .prefault({}),
    refunds: z
      .object({
        // seed 000: a mentee may claim the unlapsed time after a mentor hang-up
        partialRefundRequestWindowHours: hours(72),
        mentorContestWindowHours: hours(24),
      })
      .prefault({}),
    disputes: z
      .object({
        responseDeadlineHours: hours(48),
        // how long after a session (its end or cancellation) a party may still open a dispute on it
        openWindowDays: days(30),
      })
      .prefault({}),
    safety: z
      .object({
        complaintWindowDays: days(365),
        // "pending" counts reports not dismissed; "upheld" counts only upheld ones
        countReports: z.enum(["NOT_DISMISSED", "UPHELD"]).default("NOT_DISMISSED"),
        // A complaint counts toward a threshold only when its reporter met the subject on the
        // platform inside the complaint window (or once staff uphold it). Which meetings qualify:
        requireVerifiedInteraction: z.boolean().default(true),
        // a session between them in one of these states (LIVE or ENDED: it really took place)
        verifiedSessionStates: z.array(z.enum(["LIVE", "ENDED", "NO_SHOW"])).max(3).default(["LIVE", "ENDED"]),
        // a mentorship between them in one of these states (ended ones only if they ended inside the window)
        verifiedMentorshipStatuses: z.array(z.enum(["PENDING", "ACTIVE", "COMPLETED", "ENDED"])).max(4).default(["ACTIVE"]),
        rudenessDistinctMentees: count(5),
        rudenessSuspensionDays: days(30),
        deceptionDistinctMentees: count(5),
        privacyDistinctUsers: count(5),
        upheldRudenessPenaltyBps: bps(500),
        strikeSuspensionDays: days(30),
        strikeWindowDays: days(182),
        // seed 003 ladder: Warning -> Strike -> Ban; this many strikes in the window, then a ban
        strikesBeforeBan: count(1),
        // a booking feature strike also cancels (and refunds) the bookings inside it
        bookingStrikeCancelsBookings: z.boolean().default(true),
        appealWindowDays: days(14),
        // proactive monitoring (seed 003): N messages within the window is a spam burst
        spamBurstMessages: count(5),
        spamBurstWindowSeconds: z.number().int().min(1).max(86_400).default(60),
        // a text with this many links is treated as spam
        spamMaxLinks: count(4),
        // brigading: this many unverified reports against one user inside the window, from
        // accounts that share a client address or were created within the spread of each other,
        // raise a detector report for staff (nothing is enforced by it)
        brigadeMinReporters: z.number().int().min(2).max(1000).default(3),
        brigadeWindowMinutes: minutes(60),
        brigadeAccountSpreadMinutes: minutes(24 * 60),
      })
      .prefault({}),
    // per-user limits on creating content (per hour unless named otherwise), then RATE_LIMITED
    rateLimits: z
      .object({
        forumThreadsPerHour: count(10),
        forumPostsPerHour: count(60),
        chatMessagesPerMinute: count(30),
        reportsPerDay: count(20),
        supportTicketsPerDay: count(10),
        // concurrent WebSocket connections of one user; the oldest closes with 4429 past it
        socketsPerUser: count(10),
      })
      .prefault({}),
    mentorships: z
      .object({
        // seed 004 (consent): a request nobody answered lapses after this many days
        requestExpiryDays: z.number().int().min(1).max(365).default(14),
      })
      .prefault({}),
    certification: z
      .object({
        // a mentor evaluates a mentee at most once per mentorship within this many days
        evaluationPeriodDays: days(30),
      })
      .prefault({}),
    notifications: z
      .object({
        // e-mail delivery from the outbox: attempts, then FAILED; backoff doubles from the base
        emailMaxAttempts: count(6),
        emailRetryBaseSeconds: z.number().int().min(1).max(86_400).default(60),
      })
      .prefault({}),
    feedback: z
      .object({
        checkInEverySessions: count(4),
        // seed 004 asks for regular feedback sessions without a number: a check-in opens after this
        // many ended sessions of the pair, or this many weeks without one, whichever comes first
        checkInEveryWeeks: count(4),
        // each side rates a session once, within this many days after it ended
        sessionFeedbackWindowDays: days(14),
      })
      .prefault({}),
  })
  .strict();

export type PolicyValues = z.infer<typeof policyValuesSchema>;
export const defaultPolicy = (): PolicyValues => policyValuesSchema.parse({});
