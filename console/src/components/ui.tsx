// Small shared pieces: errors, loading, busy buttons, pager, dialog.
import { For, Show, createSignal, onCleanup, onMount, splitProps, type JSX, type ParentComponent } from "solid-js";
import type { CombinedError } from "@urql/core";
import { messagesOf } from "../lib/errors";

export const ErrorBox = (props: { error?: CombinedError | null; message?: string | null }) => {
  const list = () => (props.message ? [props.message] : messagesOf(props.error));
  return (
    <Show when={list().length}>
      <div class="error" role="alert">
        <For each={list()}>{(m) => <p>{m}</p>}</For>
      </div>
    </Show>
  );
};

export const Loading = (props: { label?: string }) => (
  <p class="loading" role="status" aria-live="polite">
    <span class="spinner" aria-hidden="true" /> {props.label ?? "Loading…"}
  </p>
);

type ButtonProps = JSX.ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean; kind?: "primary" | "danger" | "plain" };

/** A button that is disabled and says so while its action runs (so a double click acts once). */
export const Button = (props: ButtonProps) => {
  const [own, rest] = splitProps(props, ["busy", "kind", "children", "class", "disabled"]);
  return (
    <button
      type="button"
      {...rest}
      class={`btn ${own.kind ?? "plain"} ${own.class ?? ""}`}
      disabled={own.disabled || own.busy}
      aria-busy={own.busy ? "true" : undefined}
    >
      <Show when={own.busy}>
        <span class="spinner" aria-hidden="true" />{" "}
      </Show>
      {own.children}
    </button>
  );
};

export const Pager = (props: { hasNext: boolean; hasPrev: boolean; onNext(): void; onPrev(): void; busy?: boolean }) => (
  <nav class="pager" aria-label="Pagination">
    <Button onClick={props.onPrev} disabled={!props.hasPrev || props.busy}>
      ← Previous
    </Button>
    <Button onClick={props.onNext} disabled={!props.hasNext || props.busy}>
      Next →
    </Button>
  </nav>
);

/** Native modal dialog: focus moves in, Escape closes, focus returns to the opener. */
export const Dialog: ParentComponent<{ title: string; onClose(): void }> = (props) => {
  let el!: HTMLDialogElement;
  const opener = document.activeElement as HTMLElement | null;
  onMount(() => el.showModal());
  onCleanup(() => opener?.focus?.());
  return (
    <dialog
      ref={el}
      class="dialog"
      aria-label={props.title}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <header class="dialog-head">
        <h2>{props.title}</h2>
        <button type="button" class="btn plain" aria-label="Close" onClick={() => props.onClose()}>
          ×
        </button>
      </header>
      {props.children}
    </dialog>
  );
};

export const Badge = (props: { tone?: "ok" | "warn" | "bad" | "info"; children: JSX.Element }) => (
  <span class={`badge ${props.tone ?? "info"}`}>{props.children}</span>
);

export const Empty = (props: { children: JSX.Element }) => <p class="empty">{props.children}</p>;

// Staff work across time zones: every time says which zone it is in (the browser's own).
const DATE_TIME = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" } as const;
export const fmtDate = (iso?: string | null) => (iso ? new Date(iso).toLocaleString(undefined, DATE_TIME) : "—");

/** A connection page cursor stack: forward with `after`, back to the previous cursor. */
export function createCursor() {
  const [stack, setStack] = createSignal<(string | null)[]>([null]);
  return {
    after: () => stack()[stack().length - 1],
    next: (cursor: string | null | undefined) => cursor && setStack((s) => [...s, cursor]),
    prev: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    hasPrev: () => stack().length > 1,
    reset: () => setStack([null]),
  };
}
