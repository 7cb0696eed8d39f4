// Uphold (with what consequence) or dismiss a report, with a reason.
import { createSignal, For, Show, type Component } from "solid-js";
import { createMutation } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { ReportFieldsFragment, ReviewAction } from "../../gql/graphql";
import { ReviewReportDocument } from "./safety.documents";
import { Button, Dialog, ErrorBox } from "../../components/ui";
import { useViewer } from "../../lib/viewer";
import { words } from "./labels";

const ACTIONS: { value: ReviewAction; label: string }[] = [
  { value: "LADDER", label: "Next step on the ladder (warning → strike → ban)" },
  { value: "WARNING", label: "Warning" },
  { value: "STRIKE", label: "Strike" },
  { value: "BAN", label: "Ban" },
  { value: "NONE", label: "No enforcement (record only)" },
];

export const ReviewDialog: Component<{ report: ReportFieldsFragment; uphold: boolean; onClose(): void; onDone(): void }> = (props) => {
  const { can } = useViewer();
  const [state, run] = createMutation(ReviewReportDocument);
  const [action, setAction] = createSignal<ReviewAction>("LADDER");
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const actions = () => ACTIONS.filter((a) => a.value !== "BAN" || can("ban", "Enforcement", true));
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching) return;
    const r = await run({
      input: {
        reportId: props.report.id,
        decision: props.uphold ? "UPHOLD" : "DISMISS",
        reason: reason().trim(),
        ...(props.uphold ? { action: action() } : {}),
      },
    });
    setError(r.error);
    if (!r.error) {
      props.onDone();
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
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind={props.uphold ? "danger" : "primary"} busy={state.fetching} disabled={!reason().trim()}>
            {props.uphold ? "Uphold report" : "Dismiss report"}
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};
