// One agreement version: its terms and how it came to be (proposed, accepted by each side, closed).
import { Show, type Component } from "solid-js";
import type { AgreementFieldsFragment } from "../../gql/graphql";
import { Badge, fmtDate } from "../../components/ui";
import { AGREEMENT_STATUS, agreementTone } from "./labels";

export type Agreement = AgreementFieldsFragment;

export const AgreementTerms: Component<{ a: Agreement }> = (props) => (
  <dl class="facts">
    <dt>Objectives</dt>
    <dd>{props.a.objectives}</dd>
    <dt>Scope</dt>
    <dd>{props.a.scope}</dd>
    <dt>Period</dt>
    <dd>
      {props.a.startsOn} to {props.a.endsOn} (completes after the last day, UTC)
    </dd>
    <dt>Sessions per month</dt>
    <dd>{props.a.sessionsPerMonth}</dd>
    <dt>Confidentiality</dt>
    <dd>{props.a.confidentiality}</dd>
    <Show when={props.a.commitmentNote}>
      <dt>Commitment</dt>
      <dd>{props.a.commitmentNote}</dd>
    </Show>
  </dl>
);

export const AgreementStatusBadge: Component<{ a: Agreement }> = (props) => (
  <Badge tone={agreementTone(props.a.status)}>{AGREEMENT_STATUS[props.a.status]}</Badge>
);

/** The version's history in words, oldest first. */
export const AgreementHistory: Component<{ a: Agreement }> = (props) => (
  <ul class="history">
    <li>
      Proposed by the {props.a.proposedBy.toLowerCase()} on {fmtDate(props.a.proposedAt)}
      {props.a.amendsVersion ? ` (amends version ${props.a.amendsVersion})` : ""}
    </li>
    <Show when={props.a.mentorAcceptedAt}>
      <li>Mentor accepted {fmtDate(props.a.mentorAcceptedAt)}</li>
    </Show>
    <Show when={props.a.menteeAcceptedAt}>
      <li>Mentee accepted {fmtDate(props.a.menteeAcceptedAt)}</li>
    </Show>
    <Show when={props.a.closedAt}>
      <li>
        Closed {fmtDate(props.a.closedAt)}
        {props.a.closeReason ? `: ${props.a.closeReason}` : ""}
      </li>
    </Show>
  </ul>
);
