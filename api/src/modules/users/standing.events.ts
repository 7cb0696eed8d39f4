// The account status that trust & safety's enforcements call for. Safety decides the standing
// (an enforcement applied, overturned or ended) and emits `safety.standingChanged`; the users
// module owns the User row and writes the status here, in safety's transaction.
import { onEvent } from "../../lib/events.js";

onEvent("safety.standingChanged", async (c, e) => {
  if (e.expectedStatus === undefined) {
    await c.tx.user.update({ where: { id: e.userId }, data: { status: e.status } });
    e.effects.changed = true;
    return;
  }
  // Conditional: several processes (the expiry job, an appeal decision) may act on the same
  // account; whoever changed it first wins and the others change nothing.
  const res = await c.tx.user.updateMany({ where: { id: e.userId, status: e.expectedStatus }, data: { status: e.status } });
  e.effects.changed = res.count > 0;
});
