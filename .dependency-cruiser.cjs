// Module boundaries, checked in CI (`pnpm lint:deps`). See docs/CONTRIBUTING.md.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles hide the real dependency direction; break them with an event or a front door.",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "only-through-front-door",
      severity: "error",
      comment: "Another module is reached only through its front door, modules/<domain>/index.ts.",
      from: { path: "^api/src/modules/([^/]+)/" },
      to: { path: "^api/src/modules/([^/]+)/", pathNot: ["^api/src/modules/$1/", "^api/src/modules/[^/]+/index\\.ts$"] },
    },
    {
      name: "lib-and-authz-stay-below-modules",
      severity: "error",
      comment: "lib/ and authz/ are the floor: they never import a domain module.",
      from: { path: "^api/src/(lib|authz)/" },
      to: { path: "^api/src/modules/" },
    },
    {
      name: "console-never-imports-api",
      severity: "error",
      comment: "The console talks to the API over GraphQL only.",
      from: { path: "^console/" },
      to: { path: "^api/" },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "api/src/generated"] },
    exclude: { path: ["node_modules", "api/src/generated", "console/src/gql", "dist"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
