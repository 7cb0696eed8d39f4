// A redis-server of the bench alone (free port, no persistence), for the two-process fan-out:
// the machine's shared Redis would mix our events with other runs'.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { reachable } from "../helpers/services.js";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export async function startPrivateRedis(): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const url = `redis://127.0.0.1:${port}`;
  const end = Date.now() + 15_000;
  while (!(await reachable(url))) {
    if (Date.now() > end) throw new Error("redis-server did not start (is the Debian package redis-server installed?)");
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
