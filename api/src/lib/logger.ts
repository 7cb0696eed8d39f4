import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

export function createLogger(level = process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"), destination?: DestinationStream): Logger {
  // Second line of defence (lib/redact.ts is the first): secret-named keys are masked in any log
  // object up to a few levels deep.
  const keys = ["password", "newPassword", "currentPassword", "token", "secret", "authorization"];
  const paths = keys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]).concat("req.headers.authorization", "req.headers.cookie");
  const options = { level, base: { service: "api" }, redact: { paths, censor: "[REDACTED]" } };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();
