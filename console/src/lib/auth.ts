// The staff token lives in sessionStorage: it survives a reload, not a closed tab.
import { createSignal } from "solid-js";

const KEY = "console.token";

function read(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

const [token, setTokenSignal] = createSignal<string | null>(read());
const [notice, setNotice] = createSignal<string | null>(null);

export { token, notice };

export function signIn(value: string) {
  sessionStorage.setItem(KEY, value);
  setNotice(null);
  setTokenSignal(value);
}

/** Drops the token; `reason` is shown on the login screen (e.g. an expired session). */
export function signOut(reason?: string) {
  sessionStorage.removeItem(KEY);
  setNotice(reason ?? null);
  setTokenSignal(null);
}
