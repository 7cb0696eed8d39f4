import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

// In `vite dev` the API runs separately on :4000; in production the API serves dist/ itself.
export default defineConfig({
  plugins: [solid()],
  server: {
    proxy: {
      "/graphql": { target: "http://127.0.0.1:4000", ws: true, changeOrigin: true },
    },
  },
  build: {
    target: "es2022",
    sourcemap: false,
    // scripts/size.mjs reads the manifest to find the chunks a first visit loads.
    manifest: true,
    // The console ships its own size check (scripts/size.mjs); silence Vite's generic warning.
    chunkSizeWarningLimit: 200,
  },
});
