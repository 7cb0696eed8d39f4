// The composition root of cross-cutting write effects: the command path (lib/command.ts) records
// audit rows and notices through the modules that own those tables.
import { provideEffectWriters } from "../lib/command.js";
import { recordAudit } from "./audit/audit.service.js";
import { enqueueNotices } from "./notifications/notifications.service.js";

provideEffectWriters({
  audit: (tx, actor, entry, at, requestId) => recordAudit(tx, actor, entry, requestId, at),
  notices: (tx, notices, now) => enqueueNotices(tx, notices, now),
});
