// Account deletion (privacy): the person's feedback and check-in comments are erased; ratings stay,
// they are part of other people's aggregates.
import { onEvent } from "../../lib/events.js";

onEvent("privacy.accountDeleted", async (c, e) => {
  const { tx } = c;
  e.summary.feedbackCommentsErased = (await tx.sessionFeedback.updateMany({ where: { authorId: e.userId, NOT: { comment: "" } }, data: { comment: "" } })).count;
  e.summary.checkInCommentsErased = (await tx.checkInResponse.updateMany({ where: { userId: e.userId, NOT: { comment: "" } }, data: { comment: "" } })).count;
});
