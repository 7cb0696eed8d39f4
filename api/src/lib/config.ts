// Every environment variable the API reads, parsed by ONE zod schema. A bad value stops the start
// with one line naming the variable and what it expects; `--help` prints the same listing that
// the README's Environment table shows (a test keeps the two equal).
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** The repository root: found by walking up to pnpm-workspace.yaml, so the compiled output
 * (api/dist/...) and the TypeScript sources resolve the same folders. */
function findRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(from, "../../..");
    dir = up;
  }
}
const root = findRoot(import.meta.dirname);

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `an integer from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `an integer from ${min} to ${max}`).max(max, `an integer from ${min} to ${max}`));
const url = (protocols: RegExp, what: string) => z.string().regex(protocols, what);
const optional = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === "" ? undefined : v), t.optional());

interface VarDoc {
  /** What the variable does (the README table's "meaning" column). */
  meaning: string;
  /** The default as written in the README ("unset" when absent means off). */
  default: string;
}

/** The documentation of each variable; the schema below must cover exactly these names. */
export const envDocs = {
  NODE_ENV: { meaning: "`production`: introspection, GraphiQL and field suggestions off; Agora credentials and a metrics token or port required", default: "`development`" },
  DATABASE_URL: { meaning: "PostgreSQL URL; unset = embedded PGlite", default: "unset" },
  DATA_DIR: { meaning: "PGlite data folder", default: "`./data/pglite`" },
  REDIS_URL: { meaning: "fan subscriptions out across API processes (graphql-yoga Redis event target)", default: "unset (in-process)" },
  HOST: { meaning: "listen address", default: "`127.0.0.1`" },
  PORT: { meaning: "listen port (`0` = any free port)", default: "`4000`" },
  PUBLIC_URL: { meaning: "the address users reach the API at (links in e-mails and feeds)", default: "`http://127.0.0.1:<PORT>`" },
  CONSOLE_DIST: { meaning: "folder of the built console served at `/`", default: "`console/dist`" },
  SESSION_TTL_HOURS: { meaning: "lifetime of a sign-in token, hours", default: "`336`" },
  PASSWORD_HASH_COST: { meaning: "scrypt cost exponent (N = 2^cost, stored per hash)", default: "`16`" },
  AGORA_APP_ID: { meaning: "Agora app id for video tokens", default: "dev default outside production" },
  AGORA_APP_CERTIFICATE: { meaning: "Agora app certificate for video tokens", default: "dev default outside production" },
  AGORA_WEBHOOK_SECRET: { meaning: "secret that signs Agora's channel-event webhooks", default: "dev default outside production" },
  SMTP_URL: { meaning: "SMTP server for e-mail notices (nodemailer URL)", default: "unset: e-mails are logged, not sent" },
  MAIL_FROM: { meaning: "sender address of e-mail notices", default: "`no-reply@localhost`" },
  JOBS: { meaning: "`off` disables timed jobs in this process", default: "`on`" },
  JOB_INTERVAL_MS: { meaning: "pause between two runs of the timed jobs, ms", default: "`5000`" },
  LOG_LEVEL: { meaning: "pino log level (`silent` … `trace`)", default: "`info`" },
  METRICS_TOKEN: { meaning: "bearer token that `/metrics` requires (production: this or `METRICS_PORT`)", default: "unset: open in development" },
  METRICS_PORT: { meaning: "serve `/metrics` on its own port (on `HOST`) instead of the API port", default: "unset" },
  SHUTDOWN_TIMEOUT_MS: { meaning: "how long SIGTERM waits for in-flight requests and the running job step", default: "`10000`" },
  BAN_EMAIL_HMAC_SECRET: { meaning: "server secret of the keyed hash (HMAC) kept of banned accounts' e-mail addresses, so a banned user cannot delete the account and sign up again (`docs/privacy.md`); required in production", default: "a development-only secret" },
  SQL_STATEMENT_COUNTER: { meaning: "`1` counts SQL statements and their time (tests, benchmarks; costs every query an event)", default: "unset (off)" },
  TRUST_PROXY: { meaning: "which proxies' `X-Forwarded-For` gives the client address for rate limits: a hop count (`1`) or addresses/subnets (`loopback`, `10.0.0.0/8`); see `docs/security.md`", default: "unset: the socket address" },
  CORS_ORIGINS: { meaning: "comma-separated origins allowed to call the API from a browser", default: "unset: same origin only" },
  RATE_LIMIT_PREFIX: { meaning: "key prefix of the rate-limit counters in Redis (when `REDIS_URL` is set)", default: "`rl`" },
} satisfies Record<string, VarDoc>;

export const envSchema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"], "development, production or test")),
  DATABASE_URL: optional(url(/^postgres(ql)?:\/\//, "a postgresql:// URL (or unset for the embedded database)")),
  DATA_DIR: optional(z.string()),
  REDIS_URL: optional(url(/^rediss?:\/\//, "a redis:// URL")),
  HOST: optional(z.string().min(1)),
  PORT: optional(int(0, 65535)),
  PUBLIC_URL: optional(url(/^https?:\/\//, "an http:// or https:// URL")),
  CONSOLE_DIST: optional(z.string()),
  SESSION_TTL_HOURS: optional(int(1, 24 * 365)),
  PASSWORD_HASH_COST: optional(int(10, 20)),
  AGORA_APP_ID: optional(z.string()),
  AGORA_APP_CERTIFICATE: optional(z.string()),
  AGORA_WEBHOOK_SECRET: optional(z.string()),
  SMTP_URL: optional(url(/^smtps?:\/\//, "an smtp:// or smtps:// URL")),
  MAIL_FROM: optional(z.string().regex(/^[^@\s]+@[^@\s]+$/, "an e-mail address")),
  JOBS: optional(z.enum(["on", "off"], "on or off")),
  JOB_INTERVAL_MS: optional(int(100, 3_600_000)),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, LOG_LEVELS.join(", "))),
  METRICS_TOKEN: optional(z.string().min(16, "at least 16 characters")),
  METRICS_PORT: optional(int(0, 65535)),
  SHUTDOWN_TIMEOUT_MS: optional(int(0, 600_000)),
  BAN_EMAIL_HMAC_SECRET: optional(z.string().min(16, "at least 16 characters")),
  SQL_STATEMENT_COUNTER: optional(z.enum(["0", "1"], "0 or 1")),
  TRUST_PROXY: optional(z.string().regex(/^(false|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, "false, a hop count, or comma-separated addresses/subnets")),
  CORS_ORIGINS: optional(z.string().regex(/^\s*(https?:\/\/[^\s,]+\s*(,\s*https?:\/\/[^\s,]+\s*)*)?$/, "comma-separated http(s) origins")),
  RATE_LIMIT_PREFIX: optional(z.string().regex(/^[\w.-]{1,64}$/, "letters, digits, dots, dashes")),
} satisfies Record<keyof typeof envDocs, z.ZodType>);

export interface AppConfig {
  /** Whether BAN_EMAIL_HMAC_SECRET is set (the secret itself stays in the environment). */
  banEmailSecretSet: boolean;
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
  jobIntervalMs: number;
  /** `/metrics` access: a bearer token, or its own port; neither = open (development only). */
  metrics: { token: string | undefined; port: number | undefined };
  shutdownTimeoutMs: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (rate limits): unset = none,
   * the socket's address is the client; a hop count ("1"); or addresses/subnets/"loopback"
   * (proxy-addr syntax, comma-separated).
   */
  trustProxy: string | undefined;
  /** Origins allowed to call the API from a browser (CORS); empty = same origin only. */
  corsOrigins: string[];
  /** Key namespace of the rate-limit counters in Redis. */
  rateLimitPrefix: string;
}

/** A bad environment: the message is the one line printed before the process exits. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseEnv(env: NodeJS.ProcessEnv = process.env): z.infer<typeof envSchema> {
  const r = envSchema.safeParse(env);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const name = String(issue.path[0]);
  throw new ConfigError(`configuration: ${name}=${JSON.stringify(env[name])} is invalid: expected ${issue.message}`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = parseEnv(env);
  const production = e.NODE_ENV === "production";
  const port = e.PORT ?? 4000;
  const config: AppConfig = {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR ?? path.join(root, "data", "pglite"),
    redisUrl: e.REDIS_URL,
    production,
    host: e.HOST ?? "127.0.0.1",
    port,
    sessionTtlHours: e.SESSION_TTL_HOURS ?? 24 * 14,
    passwordHashCost: e.PASSWORD_HASH_COST ?? 16,
    consoleDist: e.CONSOLE_DIST ?? path.join(root, "console", "dist"),
    agora: e.AGORA_APP_ID && e.AGORA_APP_CERTIFICATE ? { appId: e.AGORA_APP_ID, appCertificate: e.AGORA_APP_CERTIFICATE } : undefined,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? "no-reply@localhost",
    publicUrl: e.PUBLIC_URL ?? `http://127.0.0.1:${port}`,
    jobsEnabled: e.JOBS !== "off",
    jobIntervalMs: e.JOB_INTERVAL_MS ?? 5_000,
    metrics: { token: e.METRICS_TOKEN, port: e.METRICS_PORT },
    banEmailSecretSet: Boolean(e.BAN_EMAIL_HMAC_SECRET),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS ?? 10_000,
    trustProxy: e.TRUST_PROXY && e.TRUST_PROXY !== "false" ? e.TRUST_PROXY : undefined,
    corsOrigins: (e.CORS_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean),
    rateLimitPrefix: e.RATE_LIMIT_PREFIX ?? "rl",
  };
  return config;
}

/** Checks that need several variables together; run once at start (not on every loadConfig). */
export function checkStartConfig(config: AppConfig): void {
  if (config.production && !config.metrics.token && config.metrics.port === undefined)
    throw new ConfigError("configuration: METRICS_TOKEN or METRICS_PORT is required in production (the /metrics endpoint is not left open)");
  if (config.production && !config.banEmailSecretSet)
    throw new ConfigError("configuration: BAN_EMAIL_HMAC_SECRET is required in production (a secret of at least 16 characters for the banned e-mail hashes)");
}

/** The `--help` listing: one line per variable, in the README table's order and words. */
export function envHelp(): string {
  const rows = Object.entries(envDocs).map(([name, d]) => `  ${name.padEnd(22)} ${d.meaning} (default: ${d.default})`);
  return ["Environment variables:", ...rows].join("\n");
}

export const repoRoot = root;

/**
 * The entry points' first step: `--help` prints the variables, a bad environment stops the start
 * with one line (exit 2) before any module opens a database or a socket.
 */
export function configForStart(argv: readonly string[] = process.argv): AppConfig {
  if (argv.includes("--help")) {
    console.log(envHelp());
    process.exit(0);
  }
  try {
    const config = loadConfig();
    checkStartConfig(config);
    return config;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
}
