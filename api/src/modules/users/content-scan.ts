// Proactive monitoring (seed 003) of public profile text. Trust & safety owns the detectors and
// hands its scanner over at composition (modules/index.ts), so users imports no safety code:
// safety depends on users (and auth), never the other way round.
import type { ServiceDeps } from "../../lib/deps.js";
import type { ContentToScan } from "../safety/index.js";

type Scanner = (deps: Pick<ServiceDeps, "db" | "pubsub" | "clock" | "requestId">, content: ContentToScan) => Promise<unknown>;
let scanner: Scanner | null = null;

export function provideContentScanner(s: Scanner): void {
  scanner = s;
}

export async function scanProfileText(deps: Pick<ServiceDeps, "db" | "pubsub" | "clock" | "requestId">, content: ContentToScan): Promise<void> {
  if (!scanner) throw new Error("No content scanner was provided (modules/index.ts composes it)");
  await scanner(deps, content);
}
