// What upholding a report will do, as the API rehearses the decision (reportDecisionPreview): the
// enforcements, the bookings cancelled and what their mentees get back. The console computes none
// of it.
import { For, Show, type Component } from "solid-js";
import type { ReportDecisionPreviewQuery } from "../../gql/graphql";
import { fmtDate } from "../../components/ui";
import { fmtMoney } from "../money/money";
import { KindBadge, words } from "./labels";

export type DecisionPreview = ReportDecisionPreviewQuery["reportDecisionPreview"];
type Planned = DecisionPreview["enforcements"][number];

const scopeText = (e: Planned) => (e.scope === "ACCOUNT" ? "the whole account" : e.scope === "FEATURE" ? `the ${words(e.feature ?? "feature")} feature` : "the program");

/** How long it restricts, with the time zone the end is shown in. */
export const lasting = (e: Planned) =>
  e.endsAt ? `suspends ${scopeText(e)} until ${fmtDate(e.endsAt)}` : e.kind === "BAN" ? `bans ${scopeText(e)}, permanently` : "restricts nothing (counts on the ladder)";

export const refundText = (p: DecisionPreview) => (p.refundTotals.length ? p.refundTotals.map((m) => fmtMoney(m)).join(" + ") : "nothing");

/** One line for the confirmation once the decision is taken. */
export const summary = (p: DecisionPreview) => {
  const kinds = p.enforcements.map((e) => `${words(e.kind)}${e.endsAt ? ` until ${fmtDate(e.endsAt)}` : ""}`).join(" and ") || "no enforcement";
  const n = p.sessionsToCancel.length;
  return `${kinds}; ${n} booking${n === 1 ? "" : "s"} cancelled, ${refundText(p)} refunded to mentees.`;
};

export const DecisionPreviewView: Component<{ preview: DecisionPreview }> = (props) => (
  <section class="notice stack" data-testid="decision-preview" aria-label="What upholding will do">
    <strong>What upholding will do</strong>
    <Show when={props.preview.enforcements.length} fallback={<p data-testid="preview-enforcement">No enforcement: the finding is recorded only.</p>}>
      <ul>
        <For each={props.preview.enforcements}>
          {(e) => (
            <li data-testid="preview-enforcement">
              <KindBadge kind={e.kind} /> {lasting(e)}
              {e.origin === "THRESHOLD" ? " — the upheld complaint completes an automatic complaint threshold" : ""}
              <br />
              <span class="muted">Reason the user reads: {e.reason}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
    <Show when={props.preview.sessionsToCancel.length} fallback={<p data-testid="preview-no-sessions">No booking is cancelled.</p>}>
      <table class="table compact" data-testid="preview-sessions">
        <caption>Bookings cancelled</caption>
        <thead>
          <tr>
            <th scope="col">Starts</th>
            <th scope="col">Mentor</th>
            <th scope="col">Mentee</th>
            <th scope="col">Refund to the mentee</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.preview.sessionsToCancel}>
            {(s) => (
              <tr data-testid="preview-session" data-session-id={s.id}>
                <td>{fmtDate(s.startsAt)}</td>
                <td>{s.mentor.displayName}</td>
                <td>{s.mentee.displayName}</td>
                <td>{fmtMoney(s.refund)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
    <p>
      Refunded to mentees in total: <strong data-testid="preview-refund-total">{refundText(props.preview)}</strong>
    </p>
  </section>
);
