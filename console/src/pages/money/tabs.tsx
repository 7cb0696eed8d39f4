import { A } from "@solidjs/router";

export const MoneyTabs = () => (
  <nav class="tabs" aria-label="Money">
    <A href="/disputes" activeClass="active">
      Disputes
    </A>
    <A href="/refunds" end activeClass="active">
      Refunds
    </A>
    <A href="/refunds/partial" activeClass="active">
      Partial refunds (hang-ups)
    </A>
  </nav>
);
