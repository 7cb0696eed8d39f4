// Resolve a dispute. The version is the one the agent was looking at when opening the dialog, and
// the idempotency key is made once per dialog: a double click (or a retry) resolves and refunds once.
import { createSignal, For, Show, type Accessor, type Component } from "solid-js";
import { createMutation } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { ChargeQuery, DisputeDetailFieldsFragment, DisputeOutcome, DisputeParty, DisputeReferralCategory } from "../../gql/graphql";
import { ResolveDisputeDocument } from "./money.documents";
import { Button, Dialog, ErrorBox } from "../../components/ui";
import { newIdempotencyKey } from "../../lib/ids";
import { fmtMoney, parseMinor } from "./money";

const OUTCOMES: { value: DisputeOutcome; label: string; needsCharge?: boolean }[] = [
  { value: "PARTIAL_REFUND", label: "Partial refund", needsCharge: true },
  { value: "FULL_REFUND", label: "Full refund of what is refundable", needsCharge: true },
  { value: "NO_ACTION", label: "No action" },
  { value: "ENFORCEMENT_REFERRAL", label: "Refer a party to trust & safety" },
];
const CATEGORIES: DisputeReferralCategory[] = ["RUDENESS", "HARASSMENT", "DECEPTION", "PRIVACY", "PERSONAL_INFO", "OFF_PLATFORM", "REVIEW_FAVOURS", "SPAM", "OTHER"];

export const ResolveDialog: Component<{
  dispute: DisputeDetailFieldsFragment;
  charge?: ChargeQuery["charge"];
  /** The dispute as it is now (live), to warn when it changed since the dialog opened. */
  live: Accessor<DisputeDetailFieldsFragment | undefined>;
  onClose(): void;
}> = (props) => {
  const key = newIdempotencyKey();
  const version = props.dispute.version;
  const [state, run] = createMutation(ResolveDisputeDocument);
  const [outcome, setOutcome] = createSignal<DisputeOutcome>(props.charge ? "PARTIAL_REFUND" : "NO_ACTION");
  const [amount, setAmount] = createSignal("");
  const [party, setParty] = createSignal<DisputeParty>("MENTOR");
  const [category, setCategory] = createSignal<DisputeReferralCategory>("OTHER");
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const refundable = () => props.charge?.refundable;
  const minor = () => parseMinor(amount());
  const amountProblem = () => {
    if (outcome() !== "PARTIAL_REFUND") return undefined;
    if (minor() === undefined || minor() === 0) return "Enter an amount, e.g. 12.50";
    if (refundable() && minor()! > refundable()!.amountMinor) return `At most ${fmtMoney(refundable())} can be refunded`;
    return undefined;
  };
  const changed = () => (props.live()?.version ?? version) !== version;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching || amountProblem()) return;
    const r = await run({
      input: {
        disputeId: props.dispute.id,
        expectedVersion: version,
        idempotencyKey: key,
        outcome: outcome(),
        reason: reason().trim(),
        ...(outcome() === "PARTIAL_REFUND" && refundable() ? { amount: { amountMinor: minor()!, currency: refundable()!.currency } } : {}),
        ...(outcome() === "ENFORCEMENT_REFERRAL" ? { referral: { party: party(), category: category() } } : {}),
      },
    });
    setError(r.error);
    if (!r.error) props.onClose();
  };
  return (
    <Dialog title="Resolve dispute" onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <Show when={changed()}>
          <p class="notice" role="status">
            Another agent changed this dispute (now version {props.live()?.version}) since you opened this dialog. Close it and review
            the changes before resolving.
          </p>
        </Show>
        <fieldset>
          <legend>Outcome</legend>
          <For each={OUTCOMES.filter((o) => !o.needsCharge || props.charge)}>
            {(o) => (
              <label class="radio">
                <input type="radio" name="outcome" value={o.value} checked={outcome() === o.value} onChange={() => setOutcome(o.value)} /> {o.label}
              </label>
            )}
          </For>
        </fieldset>
        <Show when={props.charge}>
          <p data-testid="refundable">
            Refundable now: <strong>{fmtMoney(refundable())}</strong> of {fmtMoney(props.charge!.amount)} paid.
          </p>
        </Show>
        <Show when={outcome() === "PARTIAL_REFUND"}>
          <label>
            Amount to refund ({refundable()?.currency})
            <input inputmode="decimal" name="amount" value={amount()} onInput={(e) => setAmount(e.currentTarget.value)} aria-invalid={amountProblem() && amount() ? "true" : undefined} />
          </label>
          <Show when={amount() && amountProblem()}>
            <div class="field-error">{amountProblem()}</div>
          </Show>
        </Show>
        <Show when={outcome() === "ENFORCEMENT_REFERRAL"}>
          <div class="row">
            <label>
              Party
              <select value={party()} onChange={(e) => setParty(e.currentTarget.value as DisputeParty)}>
                <option value="MENTOR">mentor</option>
                <option value="MENTEE">mentee</option>
              </select>
            </label>
            <label>
              Category
              <select value={category()} onChange={(e) => setCategory(e.currentTarget.value as DisputeReferralCategory)}>
                <For each={CATEGORIES}>{(c) => <option value={c}>{c.toLowerCase().replace("_", " ")}</option>}</For>
              </select>
            </label>
          </div>
        </Show>
        <label>
          Reason (sent to both parties)
          <textarea required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="primary" busy={state.fetching} disabled={!reason().trim() || Boolean(amountProblem())}>
            Resolve
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};
