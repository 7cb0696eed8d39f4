import { A } from "@solidjs/router";
import type { EnforcementKind, ReportCategory } from "../../gql/graphql";
import { Badge } from "../../components/ui";

export const CATEGORIES: ReportCategory[] = ["RUDENESS", "HARASSMENT", "DECEPTION", "PRIVACY", "PERSONAL_INFO", "OFF_PLATFORM", "REVIEW_FAVOURS", "SPAM", "OTHER"];

export const words = (s: string) => s.toLowerCase().replace(/_/g, " ");

export const kindTone = (k: EnforcementKind) => (k === "WARNING" ? ("warn" as const) : ("bad" as const));

export const KindBadge = (props: { kind: EnforcementKind }) => <Badge tone={kindTone(props.kind)}>{words(props.kind)}</Badge>;

export const SafetyTabs = () => (
  <nav class="tabs" aria-label="Trust and safety">
    <A href="/safety" end activeClass="active">
      Reports
    </A>
    <A href="/safety/appeals" activeClass="active">
      Appeals
    </A>
  </nav>
);
