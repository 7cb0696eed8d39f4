// Every table has one writer: the module whose prisma file declares the model. Other modules ask
// the owner through a domain event (lib/events.ts) handled in the same transaction, or through
// an export of its front door. A source scan, so a new write elsewhere fails here before any
// behaviour test has to notice.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const MODULES = path.resolve(import.meta.dirname, "../../api/src/modules");
const SCHEMA = path.resolve(import.meta.dirname, "../../prisma/schema");

// A prisma file is named after its module, except these.
const FILE_MODULE: Record<string, string> = {
  certification: "certifications",
  mentorship: "mentorships",
  chat: "community",
  // The rate-limit counters belong to lib/rate-limit.ts, outside every module.
  security: "(lib/rate-limit.ts)",
};
// platform.prisma gathers the small tables of several platform modules: each model names its own.
const PLATFORM_MODELS: Record<string, string> = {
  Program: "programs",
  ProgramMember: "programs",
  PlatformConfig: "platform",
  PolicyVersion: "policy",
  AuditLog: "audit",
  Notification: "notifications",
};

// Documented exceptions: a module writing a table another module declares, and why.
const EXCEPTIONS: { model: string; file: string; why: string }[] = [
  {
    model: "MentorProfile",
    file: "sessions/tardiness.service.ts",
    why:
      "Product rule: tardiness owns fee multipliers. The multiplier columns (feeMultiplierBps, onTimeStreak) " +
      "are written only here, under a lock on the profile row and together with the FeeMultiplierChange ledger " +
      "row and its audit entry, so a multiplier never changes without its explanation. The users module " +
      "writes every other column.",
  },
];

const OPS = "create|createMany|update|updateMany|upsert|delete|deleteMany";

function declarations(): Map<string, { file: string; owner: string }> {
  const models = new Map<string, { file: string; owner: string }>();
  for (const f of readdirSync(SCHEMA).filter((n) => n.endsWith(".prisma"))) {
    const base = f.slice(0, -".prisma".length);
    for (const [, model] of readFileSync(path.join(SCHEMA, f), "utf8").matchAll(/^model\s+(\w+)\s*\{/gm)) {
      const owner = base === "platform" ? PLATFORM_MODELS[model] : (FILE_MODULE[base] ?? base);
      models.set(model, { file: f, owner: owner ?? `(no owner: add ${model} to PLATFORM_MODELS)` });
    }
  }
  return models;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : d.name.endsWith(".ts") ? [p] : [];
  });
}

interface Write {
  model: string;
  module: string;
  file: string;
  at: string;
}

function writes(models: Iterable<string>, sources: { rel: string; src: string }[]): Write[] {
  const patterns = [...models].map((model) => {
    const camel = model[0].toLowerCase() + model.slice(1);
    // `tx.user.update(`, `c.tx.mentorProfile.updateMany(`, `db.loginAttempt.create(`, ... and raw SQL on the table.
    return { model, client: new RegExp(`\\b(?:tx|db|prisma)\\s*\\.\\s*${camel}\\s*\\.\\s*(?:${OPS})\\s*\\(`, "g"), raw: new RegExp(`\\b(?:UPDATE|INSERT\\s+INTO|DELETE\\s+FROM)\\s+"${model}"`, "gi") };
  });
  return sources.flatMap(({ rel, src }) => {
    return patterns.flatMap(({ model, client, raw }) =>
      [...src.matchAll(client), ...src.matchAll(raw)].map((m) => ({ model, module: rel.split("/")[0], file: rel, at: `${rel}:${src.slice(0, m.index).split("\n").length}: ${m[0]}` })),
    );
  });
}

describe("every table has one writer: the module that declares its model", () => {
  const models = declarations();
  const sources = sourceFiles(MODULES).map((f) => ({ rel: path.relative(MODULES, f).split(path.sep).join("/"), src: readFileSync(f, "utf8") }));
  const all = writes(models.keys(), sources);
  const moduleNames = new Set(readdirSync(MODULES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name));

  it("every model maps to a module of api/src/modules (or to lib for the rate-limit counters)", () => {
    const unknown = [...models].filter(([, d]) => !moduleNames.has(d.owner) && d.owner !== FILE_MODULE.security).map(([m, d]) => `${m} (${d.file}) -> ${d.owner}`);
    expect(unknown).toEqual([]);
    expect(models.get("User")?.owner).toBe("users");
    expect(models.get("BannedEmailHash")?.owner).toBe("auth");
    expect(models.get("LoginAttempt")?.owner).toBe("credentials");
  });

  it("the scan sees the owners' own writes, client and raw SQL (it is not vacuous)", () => {
    const seen = (model: string, text: string) => all.some((w) => w.model === model && w.module === models.get(model)?.owner && w.at.includes(text));
    expect(seen("User", ".user.update(")).toBe(true);
    expect(seen("User", ".user.create(")).toBe(true);
    expect(seen("LoginAttempt", ".loginAttempt.create(")).toBe(true);
    expect(seen("Notification", ".notification.deleteMany(")).toBe(true);
    expect(seen("ChatMessage", ".chatMessage.updateMany(")).toBe(true);
    expect(new Set(all.map((w) => w.model)).size).toBeGreaterThan(40);
    // No module writes through raw SQL today; the pattern is proven on a sample.
    const sample = { rel: "sample/raw.ts", src: 'await tx.$executeRaw`UPDATE "MentorProfile" SET x = 1`;\nawait db.$executeRaw`insert into "User" (id) values (1)`;' };
    expect(writes(["MentorProfile", "User"], [sample]).map((w) => w.at)).toEqual(['sample/raw.ts:1: UPDATE "MentorProfile"', 'sample/raw.ts:2: insert into "User"']);
  });

  it("no module writes a table another module declares (outside the documented exceptions)", () => {
    const excepted = (w: Write) => EXCEPTIONS.some((e) => e.model === w.model && e.file === w.file);
    expect(all.filter((w) => w.module !== models.get(w.model)?.owner && !excepted(w)).map((w) => `${w.at} (${w.model} belongs to ${models.get(w.model)?.owner})`)).toEqual([]);
  });

  it("each documented exception still writes (a stale one is removed, not kept)", () => {
    for (const e of EXCEPTIONS) {
      expect(e.why.length, e.file).toBeGreaterThan(40);
      expect(all.some((w) => w.model === e.model && w.file === e.file), `${e.file} no longer writes ${e.model}`).toBe(true);
    }
  });
});
