// Every threshold of the platform, as data. Defaults come from the policy documents in
// shared/seeds (000/001 mentoring guidelines, 002 mentor code of conduct, 003 trust & safety,
// 004 terms). Admins change them with `updatePolicy`; each change is a new version. Each
// setting carries its words for people (policy.meta.ts), served to the console by `policyFields`.
import { z } from "zod";
import { bounded, bps, choice, choices, count, days, flag, hours, minutes, numbers, section } from "./policy.meta.js";

export const policyValuesSchema = z
  .object({
    auth: section(
      {
        loginMaxFailures: count(5, { label: "Failed log-ins before a pause", description: "Failed log-ins for one account from one address within the window, after which further attempts are refused for a while." }),
        loginWindowMinutes: minutes(15, { label: "Failed log-in window", description: "The window in which failed log-ins are counted." }),
        loginMaxAttemptsPerAddress: bounded(1, 100_000, 100, "count", { label: "Log-in attempts per address", description: "Log-in attempts from one network address, over all accounts, within the window." }),
        loginAccountFailuresBeforeDelay: count(10, { label: "Failures before attempts are spaced out", description: "After this many failed log-ins for an account (from any address) attempts are spaced out; the owner is slowed down, never locked out." }),
        loginDelayBaseSeconds: bounded(1, 3600, 1, "seconds", { label: "First delay between attempts", description: "The first gap between log-in attempts once they are spaced out; it doubles with each further failure." }),
        loginDelayMaxSeconds: bounded(1, 3600, 60, "seconds", { label: "Longest delay between attempts", description: "The cap on the doubling gap between log-in attempts." }),
        passwordMinLength: bounded(8, 128, 10, "characters", { label: "Minimum password length", description: "New passwords have at least this many characters." }),
        passwordMinScore: bounded(0, 4, 2, "score", { label: "Minimum password strength", description: "The strength score (0 weakest to 4 strongest) a new password must reach." }),
        signUpsPerAddressPerHour: count(10, { label: "Sign-ups per address per hour", description: "New accounts created from one network address within an hour." }),
      },
      { label: "Signing in", description: "Log-in throttling and password rules." },
    ),
    scheduling: section(
      {
        roomOpensMinutesBefore: minutes(10, { label: "Room opens before the start", description: "How early the video room opens before a session starts (the code of conduct asks for 5 to 10 minutes)." }),
        minNoticeMinutes: minutes(120, { label: "Minimum booking notice", description: "A session can be booked no later than this long before it starts." }),
        bufferMinutes: minutes(10, { label: "Buffer between sessions", description: "Free time kept between two sessions of the same mentor." }),
        slotStepMinutes: bounded(5, 240, 30, "minutes", { label: "Slot step", description: "Bookable start times are this many minutes apart." }),
        maxBookingDaysAhead: days(90, { label: "Booking horizon", description: "How far ahead a session may be booked." }),
        reminderMinutesBefore: numbers(1, 60 * 24 * 30, 10, [1440, 60], "minutes", { label: "Reminders before a session", description: "When participants are reminded of a session, in minutes before its start (a comma separated list)." }),
        menteeCancelFullRefundHours: hours(24, { label: "Mentee free cancellation", description: "A mentee who cancels at least this long before the start gets a full refund." }),
        menteeCancelLateRefundPercent: bounded(0, 100, 50, "percent", { label: "Late cancellation refund", description: "The share of the price refunded when a mentee cancels later than the free cancellation window." }),
        mentorCancelMinHours: hours(24, { label: "Mentor cancellation notice", description: "A mentor may cancel a session only at least this long before it starts." }),
        rescheduleMinHours: hours(24, { label: "Rescheduling notice", description: "A session may be moved only at least this long before it starts." }),
        noShowAfterMinutes: minutes(15, { label: "No-show after", description: "How long after the start a participant may be absent before it counts as a no-show." }),
        minDurationMinutes: bounded(5, 24 * 60, 15, "minutes", { label: "Shortest session", description: "The shortest bookable session." }),
        maxDurationMinutes: bounded(5, 24 * 60, 240, "minutes", { label: "Longest session", description: "The longest bookable session." }),
        mentorRejoinWindowMinutes: minutes(5, { label: "Mentor rejoin window", description: "A mentor who leaves a live call and has not rejoined within this time is treated as having hung up (the mentee may then claim a partial refund)." }),
      },
      { label: "Scheduling", description: "Booking, cancelling, rescheduling and the video room." },
    ),
    tardiness: section(
      {
        graceMinutes: minutes(5, { label: "Grace period", description: "Joining up to this long after the start is not late." }),
        latePenaltyBps: bps(500, { label: "Late penalty", description: "How much each late arrival within the window lowers the mentor's fee multiplier (10000 basis points = 1.00x)." }),
        lateWindowDays: days(90, { label: "Late record window", description: "Late arrivals older than this no longer lower the multiplier." }),
        onTimeStreakLength: count(5, { label: "On-time streak length", description: "Every run of this many consecutive on-time sessions raises the multiplier by the streak reward." }),
        streakRewardBps: bps(200, { label: "Streak reward", description: "How much an on-time streak raises the fee multiplier (10000 basis points = 1.00x)." }),
        multiplierFloorBps: bps(7000, { label: "Lowest fee multiplier", description: "The fee multiplier never drops below this (10000 basis points = 1.00x)." }),
        multiplierCapBps: bps(12000, { label: "Highest fee multiplier", description: "The fee multiplier never rises above this (10000 basis points = 1.00x)." }),
      },
      { label: "Punctuality", description: "How lateness and on-time streaks change a mentor's fee multiplier." },
    ),
    refunds: section(
      {
        partialRefundRequestWindowHours: hours(72, { label: "Partial refund claim window", description: "How long after a mentor hung up early the mentee may claim the unlapsed time." }),
        mentorContestWindowHours: hours(24, { label: "Mentor contest window", description: "How long the mentor has to contest a partial refund claim." }),
      },
      { label: "Refunds", description: "Partial refunds after a session a mentor ended early." },
    ),
    disputes: section(
      {
        responseDeadlineHours: hours(48, { label: "Support response deadline", description: "Support answers a dispute within this time." }),
        openWindowDays: days(30, { label: "Dispute window", description: "How long after a session ended (or was cancelled) a participant may still open a dispute about it." }),
      },
      { label: "Disputes", description: "Deadlines for opening and answering disputes." },
    ),
    safety: section(
      {
        complaintWindowDays: days(365, { label: "Complaint window", description: "Only complaints filed within this many days count toward the automatic thresholds." }),
        countReports: choice(
          { NOT_DISMISSED: "Every report not dismissed (open or upheld)", UPHELD: "Only upheld reports" },
          "NOT_DISMISSED",
          { label: "Reports that count toward thresholds", description: "Which complaints count toward the automatic thresholds: also those still waiting for review, or only those staff upheld." },
        ),
        requireVerifiedInteraction: flag(true, { label: "Require a verified interaction", description: "A complaint counts toward a threshold only when the reporter met the reported user on the platform within the complaint window (or once staff uphold it)." }),
        verifiedSessionStates: choices(
          { LIVE: "Live (the session is taking place)", ENDED: "Ended (the session took place)", NO_SHOW: "No-show (someone did not come)" },
          ["LIVE", "ENDED"],
          { label: "Sessions that verify a complaint", description: "A session between reporter and reported user in one of these states counts as a verified interaction." },
        ),
        verifiedMentorshipStatuses: choices(
          { PENDING: "Pending (requested, not yet accepted)", ACTIVE: "Active", COMPLETED: "Completed", ENDED: "Ended early" },
          ["ACTIVE"],
          { label: "Mentorships that verify a complaint", description: "A mentorship between reporter and reported user in one of these states counts as a verified interaction (ended ones only if they ended within the complaint window)." },
        ),
        rudenessDistinctMentees: count(5, { label: "Rudeness complaints before suspension", description: "Rudeness complaints from this many different mentees suspend a mentor automatically." }),
        rudenessSuspensionDays: days(30, { label: "Rudeness suspension", description: "How long the automatic suspension for rudeness lasts." }),
        deceptionDistinctMentees: count(5, { label: "Deception complaints before a ban", description: "Deception complaints from this many different mentees ban a mentor automatically." }),
        privacyDistinctUsers: count(5, { label: "Privacy complaints before a ban", description: "Recording-without-consent complaints from this many different users ban the user automatically." }),
        upheldRudenessPenaltyBps: bps(500, { label: "Upheld rudeness fee penalty", description: "How much an upheld rudeness report lowers the mentor's fee multiplier (10000 basis points = 1.00x)." }),
        strikeSuspensionDays: days(30, { label: "Strike suspension", description: "How long the suspension that comes with a strike lasts." }),
        strikeWindowDays: days(182, { label: "Strike window", description: "Strikes older than this no longer count toward a ban." }),
        strikesBeforeBan: count(1, { label: "Strikes before a ban", description: "This many strikes within the strike window, then the next upheld violation is a ban (warning, strike, ban)." }),
        bookingStrikeCancelsBookings: flag(true, { label: "Booking strike cancels bookings", description: "A strike on the booking feature also cancels and refunds the bookings that fall inside it." }),
        appealWindowDays: days(14, { label: "Appeal window", description: "How long after an enforcement the user may appeal it." }),
        spamBurstMessages: count(5, { label: "Messages in a spam burst", description: "This many messages within the burst window is treated as a spam burst." }),
        spamBurstWindowSeconds: bounded(1, 86_400, 60, "seconds", { label: "Spam burst window", description: "The window in which messages are counted for a spam burst." }),
        spamMaxLinks: count(4, { label: "Links that make spam", description: "A text with this many links is treated as spam." }),
        brigadeMinReporters: bounded(2, 1000, 3, "count", { label: "Reporters that suggest brigading", description: "This many unverified reports against one user within the window, from accounts that share an address or were created close together, raise a report for staff (nothing is enforced by it)." }),
        brigadeWindowMinutes: minutes(60, { label: "Brigading window", description: "The window in which reports against one user are compared for brigading." }),
        brigadeAccountSpreadMinutes: minutes(24 * 60, { label: "Brigading account age spread", description: "Reporting accounts created within this time of each other count as related." }),
      },
      { label: "Trust & safety", description: "Automatic thresholds, the warning, strike and ban ladder, appeals and spam detection." },
    ),
    rateLimits: section(
      {
        forumThreadsPerHour: count(10, { label: "Forum threads per hour", description: "New forum threads one user may start within an hour." }),
        forumPostsPerHour: count(60, { label: "Forum posts per hour", description: "Forum posts one user may write within an hour." }),
        chatMessagesPerMinute: count(30, { label: "Chat messages per minute", description: "Chat messages one user may send within a minute." }),
        reportsPerDay: count(20, { label: "Reports per day", description: "Reports one user may file within a day." }),
        supportTicketsPerDay: count(10, { label: "Support tickets per day", description: "Support tickets one user may open within a day." }),
        socketsPerUser: count(10, { label: "Live connections per user", description: "Simultaneous live connections of one user; the oldest is closed beyond this." }),
      },
      { label: "Rate limits", description: "How much content one user may create before being asked to slow down." },
    ),
    mentorships: section(
      {
        requestExpiryDays: bounded(1, 365, 14, "days", { label: "Unanswered request expiry", description: "A mentorship request nobody answered lapses after this many days." }),
      },
      { label: "Mentorships", description: "Mentorship requests." },
    ),
    certification: section(
      {
        evaluationPeriodDays: days(30, { label: "Evaluation period", description: "A mentor evaluates a mentee at most once per mentorship within this many days." }),
      },
      { label: "Certification", description: "Evaluations toward certificates." },
    ),
    notifications: section(
      {
        emailMaxAttempts: count(6, { label: "E-mail delivery attempts", description: "How often sending an e-mail is tried before it is marked failed." }),
        emailRetryBaseSeconds: bounded(1, 86_400, 60, "seconds", { label: "First e-mail retry after", description: "The wait before the first retry of an e-mail; it doubles with each further attempt." }),
      },
      { label: "Notifications", description: "E-mail delivery." },
    ),
    feedback: section(
      {
        checkInEverySessions: count(4, { label: "Check-in every N sessions", description: "A feedback check-in opens after this many ended sessions of a pair." }),
        checkInEveryWeeks: bounded(1, 1000, 4, "weeks", { label: "Check-in every N weeks", description: "A feedback check-in also opens after this many weeks without one, whichever comes first." }),
        sessionFeedbackWindowDays: days(14, { label: "Session feedback window", description: "Each side may rate a session once, within this many days after it ended." }),
      },
      { label: "Feedback", description: "Session ratings and regular check-ins." },
    ),
  })
  .strict();

export type PolicyValues = z.infer<typeof policyValuesSchema>;
export const defaultPolicy = (): PolicyValues => policyValuesSchema.parse({});
