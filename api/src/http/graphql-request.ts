// POST /graphql: the body is read here, counting the bytes actually received (a chunked upload
// has no Content-Length to trust), and refused with 413 past the limit before yoga parses it.
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_HTTP_BODY_BYTES = 100 * 1024;

/** Yoga's fetch entry, given the Node request/response as its server context. */
export type FetchHandler = (request: Request, serverContext: { req: IncomingMessage; res: ServerResponse }) => Promise<Response> | Response;

function tooLarge(res: ServerResponse) {
  res.writeHead(413, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ errors: [{ message: "Request body too large", extensions: { code: "PAYLOAD_TOO_LARGE" } }] }));
}

/** The body, or undefined once more than `max` bytes arrived (the rest is not read). */
export async function readBodyLimited(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > max) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function handleGraphQLHttp(handle: FetchHandler, req: IncomingMessage, res: ServerResponse, max = MAX_HTTP_BODY_BYTES): Promise<void> {
  const method = req.method ?? "GET";
  let body: Buffer | undefined;
  if (method !== "GET" && method !== "HEAD") {
    body = await readBodyLimited(req, max);
    if (body === undefined) {
      tooLarge(res);
      // Stop receiving the rest of an oversized upload.
      req.destroy();
      return;
    }
  }
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
  }
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  const request = new Request(url, { method, headers, body: body && body.length ? new Uint8Array(body) : undefined });
  const response = await handle(request, { req, res });
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    out[key] = key in out ? ([] as string[]).concat(out[key], value) : value;
  });
  res.writeHead(response.status, out);
  if (!response.body) return void res.end();
  // Streamed (server-sent events): write as it comes, stop when the client goes away.
  const reader = response.body.getReader();
  res.once("close", () => void reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    res.write(value);
  }
  res.end();
}
