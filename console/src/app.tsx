// Provider + route table. Signed out: the login screen at any URL (deep links survive the login).
// Signed in: one urql client for this token, the viewer's permissions, then the routes.
import { Show, For, ErrorBoundary, Suspense, createEffect, createMemo, createSignal, on, onCleanup, type Component, type ParentComponent } from "solid-js";
import { Router, Route, A, useLocation, type RouteSectionProps } from "@solidjs/router";
import { Provider, createQuery } from "@urql/solid";
import { token, signOut } from "./lib/auth";
import { createConsoleClient } from "./urql";
import { setCurrentClient, currentClient } from "./lib/client-ref";
import { ViewerDocument, ViewerProvider, allows, useViewer, type Viewer } from "./lib/viewer";
import { ErrorBox, Loading, Button } from "./components/ui";
import { PAGES, type PageDef } from "./routes";
import { LoginPage } from "./pages/login/login-page";
import { provideNavLinks } from "./lib/nav";
import { SearchBox } from "./components/search-box";

provideNavLinks(PAGES);

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
  const { viewer, can } = useViewer();
  const location = useLocation();
  const nav = createMemo(() => PAGES.filter((p) => p.nav && (!p.need || allows(viewer(), p.need))));
  const user = () => viewer()?.user;
  let main!: HTMLElement;
  // On a narrow screen the navigation is a menu that closes after each navigation.
  const [menuOpen, setMenuOpen] = createSignal(false);
  createEffect(on(() => location.pathname, () => setMenuOpen(false), { defer: true }));
  // After a client-side navigation, move focus to the page so keyboard and screen-reader users
  // start at its content (not on the link they used).
  createEffect(on(() => location.pathname, () => main?.focus({ preventScroll: true }), { defer: true }));
  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <button type="button" class="btn menu-toggle" aria-controls="main-nav" aria-expanded={menuOpen() ? "true" : "false"} onClick={() => setMenuOpen(!menuOpen())}>
          Menu
        </button>
        <strong class="brand">Staff console</strong>
        <Show when={can("read", "User", true)}>
          <SearchBox />
        </Show>
        <span class="who" data-testid="viewer">
          {user()?.displayName} · <span class="role">{user()?.role}</span>
        </span>
        <Button onClick={() => signOut()}>Sign out</Button>
      </header>
      <nav class="side" id="main-nav" aria-label="Main" classList={{ open: menuOpen() }}>
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
      <main id="main" class="content" tabindex="-1" ref={main}>
        <ErrorBoundary
          fallback={(err, reset) => (
            <section>
              <h1>This page failed to load</h1>
              <ErrorBox message={err instanceof Error ? err.message : String(err)} />
              <Button onClick={reset}>Try again</Button>
            </section>
          )}
        >
          <Suspense fallback={<Loading />}>{props.children}</Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
};

export type { Viewer };
