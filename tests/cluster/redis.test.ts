// The harness brings its own Redis when none answers: Debian's redis-server on a private port,
// stopped with the tests. Without the binary this is skipped with the reason, never passed.
import { connect } from "node:net";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { ensureRedis, redisServerBinary } from "../helpers/cluster.js";
import { reachable } from "../helpers/services.js";

const skip = redisServerBinary() ? undefined : "no redis-server binary on this machine (apt-get install redis-server)";
if (skip) console.warn(`SKIPPED tests/cluster/redis.test.ts: ${skip}`);

const ping = (url: string) =>
  new Promise<string>((resolve, reject) => {
    const u = new URL(url);
    const s = connect({ host: u.hostname, port: Number(u.port) }, () => s.write("PING\r\n"));
    s.once("data", (d) => {
      resolve(String(d).trim());
      s.end();
    });
    s.once("error", reject);
  });

const unusedPort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

describe.skipIf(!!skip)(`private Redis${skip ? ` (SKIPPED: ${skip})` : ""}`, () => {
  it("starts redis-server on a private port when the configured Redis does not answer, and stops it", async () => {
    const nobody = `redis://127.0.0.1:${await unusedPort()}`;
    expect(await reachable(nobody)).toBe(false);
    const r = await ensureRedis(nobody);
    try {
      expect(r.owned).toBe(true);
      expect(r.url).not.toBe(nobody);
      expect(await ping(r.url)).toBe("+PONG");
    } finally {
      await r.stop();
    }
    expect(await reachable(r.url)).toBe(false);
  });
});
