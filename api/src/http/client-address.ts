// The client address used by the rate limits. X-Forwarded-For is written by whoever sends the
// request, so it is believed only for the proxies TRUST_PROXY names (proxy-addr, as in Express).
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

export type AddressOf = (req: IncomingMessage | undefined) => string | undefined;

export function clientAddressResolver(trustProxy: string | undefined): AddressOf {
  if (!trustProxy) return (req) => req?.socket?.remoteAddress ?? undefined;
  const hops = /^\d+$/.test(trustProxy) ? Number(trustProxy) : undefined;
  // A hop count trusts that many proxies nearest to us (as Express does).
  const trust = hops !== undefined ? (_addr: string, i: number) => i < hops : proxyaddr.compile(trustProxy.split(",").map((s) => s.trim()).filter(Boolean));
  return (req) => {
    if (!req?.socket?.remoteAddress) return undefined;
    try {
      return proxyaddr(req, trust);
    } catch {
      return req.socket.remoteAddress;
    }
  };
}
