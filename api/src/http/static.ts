import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ServerResponse } from "node:http";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

/** Serves the built console; unknown paths fall back to index.html (client-side routes). */
export async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<boolean> {
  const base = path.resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Malformed percent-encoding (`/%E0%A4%A`) is the client's error, not ours.
    res.writeHead(400, { "content-type": "text/plain" });
    res.end("bad request");
    return true;
  }
  if (decoded.includes("\0")) return false;
  let file = path.resolve(base, "." + decoded);
  // Compare with the separator: `dist-private` starts with `dist` but is not inside it.
  if (file !== base && !file.startsWith(base + path.sep)) return false;
  const isFile = await stat(file).then((s) => s.isFile(), () => false);
  if (!isFile) {
    if (path.extname(pathname)) return false;
    file = path.join(base, "index.html");
    if (!(await stat(file).then((s) => s.isFile(), () => false))) return false;
  }
  const body = await readFile(file);
  const immutable = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  res.end(body);
  return true;
}
