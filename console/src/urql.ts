// One urql client per signed-in token: HTTP for queries and mutations, graphql-ws for
// subscriptions, both on the console's own origin (/graphql). A fresh client per login also
// means a fresh cache, so nothing one user saw leaks into the next session in this tab.
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from "@urql/core";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { signOut } from "./lib/auth";

export interface ConsoleClient {
  client: Client;
  ws: WsClient;
  dispose(): void;
}

const httpUrl = () => new URL("/graphql", location.href).toString();
const wsUrl = () => httpUrl().replace(/^http/, "ws");

export function createConsoleClient(token: string | null): ConsoleClient {
  const authorization = token ? `Bearer ${token}` : undefined;
  const ws = createWsClient({
    url: wsUrl(),
    lazy: true,
    retryAttempts: 5,
    connectionParams: authorization ? { authorization } : {},
    on: {
      closed: (e) => {
        // 4403: the server refused the token at connection time (expired or revoked).
        if ((e as CloseEvent | undefined)?.code === 4403 && token) signOut("Your session has ended; please sign in again.");
      },
    },
  });
  const client = new Client({
    url: httpUrl(),
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    fetchOptions: (): RequestInit => ({ headers: authorization ? { authorization } : {} }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (token && error.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED"))
            signOut("Your session has ended; please sign in again.");
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink as never);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, ws, dispose: () => void ws.dispose() };
}
