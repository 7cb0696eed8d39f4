// Uphold (with what consequence) or dismiss a report, with a reason. Upholding shows what the
// decision will do (the API rehearses it with the same input) before it can be confirmed.
import { createEffect, createSignal, For, on, onCleanup, Show, type Component } from "solid-js";
import { createMutation, createQuery } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { ReportFieldsFragment, ReviewAction } from "../../gql/graphql";
import { ReportDecisionPreviewDocument, ReviewReportDocument } from "./safety.documents";
import { Button, Dialog, ErrorBox, Loading } from "../../components/ui";
import { useViewer } from "../../lib/viewer";
import { words } from "./labels";
import { DecisionPreviewView, summary } from "./decision-preview";

const ACTIONS: { value: ReviewAction; label: string }[] = [
  { value: "LADDER", label: "Next step on the ladder (warning → strike → ban)" },
  { value: "WARNING", label: "Warning" },
  { value: "STRIKE", label: "Strike" },
  { value: "BAN", label: "Ban" },
  { value: "NONE", label: "No enforcement (record only)" },
];

/** The reason is part of what the user reads: the preview follows it once typing pauses. */
const SETTLE_MS = 300;

export const ReviewDialog: Component<{ report: ReportFieldsFragment; uphold: boolean; onClose(): void; onDone(message: string): void }> = (props) => {
  const { can } = useViewer();
  const [state, run] = createMutation(ReviewReportDocument);
  const [action, setAction] = createSignal<ReviewAction>("LADDER");
  const [reason, setReason] = createSignal("");
  const [settled, setSettled] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const actions = () => ACTIONS.filter((a) => a.value !== "BAN" || can("ban", "Enforcement", true));
  createEffect(
    on(reason, (r) => {
      const timer = setTimeout(() => setSettled(r.trim()), SETTLE_MS);
      onCleanup(() => clearTimeout(timer));
    }),
  );
  const input = () => ({
    reportId: props.report.id,
    decision: props.uphold ? ("UPHOLD" as const) : ("DISMISS" as const),
    reason: settled(),
    ...(props.uphold ? { action: action() } : {}),
  });
  const [preview] = createQuery({
    query: ReportDecisionPreviewDocument,
    variables: () => ({ input: input() }),
    pause: () => !props.uphold || settled().length < 3,
    requestPolicy: "network-only",
  });
  /** The preview of exactly what would be sent now (not of an earlier reason or action). */
  const shown = () => {
    const p = preview.data?.reportDecisionPreview;
    return p && !preview.fetching && !preview.error && settled() === reason().trim() && settled().length >= 3 ? p : undefined;
  };
  const ready = () => (props.uphold ? !!shown() : reason().trim().length > 0);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching || !ready()) return;
    const confirmed = shown();
    const r = await run({ input: { ...input(), reason: reason().trim() } });
    setError(r.error);
    if (!r.error) {
      const about = `the ${words(props.report.category)} report about ${props.report.subject.displayName}`;
      props.onDone(props.uphold ? `Upheld ${about}: ${confirmed ? summary(confirmed) : "done."}` : `Dismissed ${about}.`);
      props.onClose();
    }
  };
  return (
    <Dialog title={`${props.uphold ? "Uphold" : "Dismiss"} the ${words(props.report.category)} report about ${props.report.subject.displayName}`} onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <Show when={props.uphold}>
          <fieldset>
            <legend>Consequence</legend>
            <For each={actions()}>
              {(a) => (
                <label class="radio">
                  <input type="radio" name="action" value={a.value} checked={action() === a.value} onChange={() => setAction(a.value)} /> {a.label}
                </label>
              )}
            </For>
          </fieldset>
        </Show>
        <label>
          Reason (recorded; shown to the user with any enforcement)
          <textarea required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <Show when={props.uphold}>
          <Show when={reason().trim().length >= 3} fallback={<p class="muted">Write the reason to see what upholding will do.</p>}>
            <ErrorBox error={preview.error} />
            <Show when={shown()} fallback={<Show when={!preview.error}><Loading label="Working out what upholding will do…" /></Show>}>
              {(p) => <DecisionPreviewView preview={p()} />}
            </Show>
          </Show>
        </Show>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind={props.uphold ? "danger" : "primary"} busy={state.fetching} disabled={!ready()}>
            {props.uphold ? "Uphold report" : "Dismiss report"}
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};
