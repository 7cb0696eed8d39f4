import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level = process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info")): Logger {
  return pino({ level, base: { service: "api" }, redact: ["req.headers.authorization", "password"] });
}

export const logger = createLogger();
