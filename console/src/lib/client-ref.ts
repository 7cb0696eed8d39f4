// The signed-in urql client, for route preloads (which run outside components).
import type { Client } from "@urql/core";

let current: Client | undefined;
export const setCurrentClient = (c: Client | undefined) => void (current = c);
export const currentClient = () => current;
