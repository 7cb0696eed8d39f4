// A decision that needs a reason for the audit log: says what will happen, asks why, and stays
// open with the server's message when the action is refused.
import { createSignal, type Component } from "solid-js";
import type { CombinedError } from "@urql/core";
import { Button, Dialog, ErrorBox } from "./ui";

export const ReasonDialog: Component<{
  title: string;
  /** What will happen, in the platform's terms. */
  consequence: string;
  busy: boolean;
  /** `danger` for a step that is hard to undo. */
  kind?: "primary" | "danger";
  /** Runs the action; resolves to its error, or nothing when it succeeded (the dialog closes). */
  onSubmit(reason: string): Promise<CombinedError | undefined>;
  onClose(): void;
}> = (props) => {
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (props.busy || !reason().trim()) return;
    const err = await props.onSubmit(reason().trim());
    setError(err);
    if (!err) props.onClose();
  };
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <p>{props.consequence}</p>
        <label>
          Reason (recorded in the audit log)
          <textarea value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind={props.kind ?? "primary"} busy={props.busy} disabled={!reason().trim()} title={!reason().trim() ? "Give a reason first" : undefined}>
            {props.title}
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};
