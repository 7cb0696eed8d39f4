import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

export interface AppConfig {
  /** `postgres://...` for a server; otherwise PGlite in `dataDir` (or `memory://`). */
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  production: boolean;
  host: string;
  port: number;
  /** Token lifetime for sign-in sessions. */
  sessionTtlHours: number;
  /** scrypt cost exponent (N = 2^cost); stored with each hash so it can be raised later. */
  passwordHashCost: number;
  consoleDist: string | undefined;
  agora: { appId: string; appCertificate: string } | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  jobsEnabled: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === "production";
  const port = Number(env.PORT ?? 4000);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? path.join(root, "data", "pglite"),
    redisUrl: env.REDIS_URL || undefined,
    production,
    host: env.HOST ?? "127.0.0.1",
    port,
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 24 * 14),
    passwordHashCost: Number(env.PASSWORD_HASH_COST ?? 16),
    consoleDist: env.CONSOLE_DIST ?? path.join(root, "console", "dist"),
    agora:
      env.AGORA_APP_ID && env.AGORA_APP_CERTIFICATE
        ? { appId: env.AGORA_APP_ID, appCertificate: env.AGORA_APP_CERTIFICATE }
        : undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? "no-reply@localhost",
    publicUrl: env.PUBLIC_URL ?? `http://127.0.0.1:${port}`,
    jobsEnabled: env.JOBS !== "off",
  };
}

export const repoRoot = root;
