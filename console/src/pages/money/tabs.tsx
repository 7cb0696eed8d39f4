import { A } from "@solidjs/router";

export const MoneyTabs = () => (
  <nav class="tabs" aria-label="Money">
    <A href="/disputes" activeClass="active">
      Disputes
    </A>
    <A href="/refunds" activeClass="active">
      Refunds
    </A>
  </nav>
);
