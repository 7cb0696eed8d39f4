// Provider + route table. Signed out: the login screen at any URL (deep links survive the login).
// Signed in: one urql client for this token, the viewer's permissions, then the routes.
import { Show, For, createMemo, onCleanup, type Component, type ParentComponent } from "solid-js";
import { Router, Route, A, useLocation, type RouteSectionProps } from "@solidjs/router";
import { Provider, createQuery } from "@urql/solid";
import { token, signOut } from "./lib/auth";
import { createConsoleClient } from "./urql";
import { setCurrentClient, currentClient } from "./lib/client-ref";
import { ViewerDocument, ViewerProvider, allows, useViewer, type Viewer } from "./lib/viewer";
import { ErrorBox, Loading, Button } from "./components/ui";
import { PAGES, type PageDef } from "./routes";
import { LoginPage } from "./pages/login/login-page";

export const App: Component = () => (
  <Show when={token()} keyed fallback={<LoginPage />}>
    {(tok) => <SignedIn token={tok} />}
  </Show>
);

const SignedIn: Component<{ token: string }> = (props) => {
  const c = createConsoleClient(props.token);
  setCurrentClient(c.client);
  onCleanup(() => {
    setCurrentClient(undefined);
    c.dispose();
  });
  return (
    <Provider value={c.client}>
      <WithViewer />
    </Provider>
  );
};

const WithViewer: Component = () => {
  const [res, refetch] = createQuery({ query: ViewerDocument, requestPolicy: "network-only" });
  const viewer = createMemo(() => res.data?.viewer);
  return (
    <Show
      when={viewer()}
      fallback={
        <main class="center">
          <Show when={res.error} fallback={<Loading label="Signing in…" />}>
            <ErrorBox error={res.error} />
            <Button onClick={() => refetch({ requestPolicy: "network-only" })}>Retry</Button>{" "}
            <Button onClick={() => signOut()}>Sign out</Button>
          </Show>
        </main>
      }
    >
      <ViewerProvider viewer={viewer}>
        <Router root={Shell}>
          <For each={PAGES}>
            {(page) => (
              <Route
                path={page.path}
                component={guarded(page)}
                preload={({ params }) => {
                  if (page.need && !allows(viewer(), page.need)) return;
                  void page.component.preload();
                  const client = currentClient();
                  if (client && page.load) void page.load(client, params as Record<string, string>);
                }}
              />
            )}
          </For>
          <Route path="*" component={NotFound} />
        </Router>
      </ViewerProvider>
    </Show>
  );
};

function guarded(page: PageDef): Component<RouteSectionProps> {
  return () => {
    const { viewer } = useViewer();
    return (
      <Show when={!page.need || allows(viewer(), page.need)} fallback={<Forbidden />}>
        <page.component />
      </Show>
    );
  };
}

const Forbidden = () => (
  <section>
    <h1>Not available</h1>
    <p>Your account does not have access to this page.</p>
  </section>
);

const NotFound = () => (
  <section>
    <h1>Not found</h1>
    <p>
      There is no page here. <A href="/">Back to the overview</A>
    </p>
  </section>
);

const Shell: ParentComponent = (props) => {
  const { viewer } = useViewer();
  const location = useLocation();
  const nav = createMemo(() => PAGES.filter((p) => p.nav && (!p.need || allows(viewer(), p.need))));
  const user = () => viewer()?.user;
  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <strong class="brand">Staff console</strong>
        <span class="who" data-testid="viewer">
          {user()?.displayName} · <span class="role">{user()?.role}</span>
        </span>
        <Button onClick={() => signOut()}>Sign out</Button>
      </header>
      <nav class="side" aria-label="Main">
        <ul>
          <For each={nav()}>
            {(p) => (
              <li>
                <A href={p.path} end={p.path === "/"} activeClass="active" aria-current={location.pathname === p.path ? "page" : undefined}>
                  {p.title}
                </A>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <main id="main" class="content" tabindex="-1">
        {props.children}
      </main>
    </div>
  );
};

export type { Viewer };
