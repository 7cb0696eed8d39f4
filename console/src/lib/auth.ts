// The staff token lives in localStorage, so every tab of the console shares one sign-in; a
// sign-out (or a revoked session noticed by any tab) signs every tab out through the storage event.
import { createSignal } from "solid-js";

const KEY = "console.token";
const NOTICE_KEY = "console.signout-reason";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

const [token, setTokenSignal] = createSignal<string | null>(read(KEY));
const [notice, setNotice] = createSignal<string | null>(null);

export { token, notice };

// Another tab signed in or out: follow it.
if (typeof window !== "undefined") {
  window.addEventListener("storage", (e) => {
    if (e.key !== KEY) return;
    if (e.newValue) setNotice(null);
    else setNotice(read(NOTICE_KEY));
    setTokenSignal(e.newValue);
  });
}

export function signIn(value: string) {
  try {
    localStorage.removeItem(NOTICE_KEY);
    localStorage.setItem(KEY, value);
  } catch {
    // Storage disabled: this tab alone stays signed in.
  }
  setNotice(null);
  setTokenSignal(value);
}

/** Drops the token in every tab; `reason` is shown on the login screen (e.g. an expired session). */
export function signOut(reason?: string) {
  try {
    if (reason) localStorage.setItem(NOTICE_KEY, reason);
    else localStorage.removeItem(NOTICE_KEY);
    localStorage.removeItem(KEY);
  } catch {
    // Storage disabled: nothing shared to clear.
  }
  setNotice(reason ?? null);
  setTokenSignal(null);
}
