// Account deletion (privacy): the person's notices are personal and nothing depends on them.
import { onEvent } from "../../lib/events.js";

onEvent("privacy.accountDeleted", async (c, e) => {
  e.summary.notificationsDeleted = (await c.tx.notification.deleteMany({ where: { userId: e.userId } })).count;
});
