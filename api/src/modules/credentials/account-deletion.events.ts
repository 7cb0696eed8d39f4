// Account deletion (privacy): the log-in attempts, keyed by the e-mail before anonymisation.
import { onEvent } from "../../lib/events.js";

onEvent("privacy.accountDeleted", async (c, e) => {
  e.summary.loginAttemptsDeleted = (await c.tx.loginAttempt.deleteMany({ where: { email: e.email } })).count;
});
