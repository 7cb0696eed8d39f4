// Account deletion (privacy): the calendar feed and a mentor's availability are erased. Sessions
// themselves stay (money records); deletion waits while any is upcoming or live.
import { onEvent } from "../../lib/events.js";

onEvent("privacy.accountDeleted", async (c, e) => {
  const { tx } = c;
  e.summary.calendarFeedsDeleted = (await tx.calendarFeed.deleteMany({ where: { userId: e.userId } })).count;
  e.summary.availabilityRulesDeleted = (await tx.availabilityRule.deleteMany({ where: { mentorId: e.userId } })).count;
  e.summary.availabilityExceptionsDeleted = (await tx.availabilityException.deleteMany({ where: { mentorId: e.userId } })).count;
});
