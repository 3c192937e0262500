// The floor plan's layer rules (README "Architecture"), checked by `npm test` (test/architecture/layers.test.ts) and by
// `npm run layers`. Each rule's comment is printed with a violation, so it says why the rule exists and what to do.
// Paths match from the cruised folder's root; `(^|/)node_modules/` also matches packages found from a sub-folder.

/** Pure libraries: no I/O, no clock, no process state. */
const PURE_LIBRARIES = "(^|/)node_modules/(date-fns|@date-fns/tz|zod)/";
const VIEW_FILE = "^services/app/.+-views?\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "rules-import-only-domain",
      severity: "error",
      comment:
        "services/rules/ is pure: functions of (data, policy, now). It may import services/domain/ (schemas, types and " +
        "the policy), other rules files and the pure libraries date-fns, @date-fns/tz and zod. Anything else (another " +
        "services/ folder, node: builtins, botbuilder, @azure/cosmos, node-cron, restify) brings I/O or wiring into the " +
        "rules: pass the data in from services/app/ instead.",
      from: { path: "^services/rules/" },
      to: { pathNot: ["^services/domain/", "^services/rules/", PURE_LIBRARIES] },
    },
    {
      name: "cards-are-a-leaf",
      severity: "error",
      comment:
        "cards/ only renders: a card file may import other cards/ files, services/domain/, view files " +
        "(services/app/<capability>/*-view.ts or *-views.ts), adaptivecards-templating and the pure libraries zod, " +
        "date-fns and @date-fns/tz (to format what it shows). If a card needs a " +
        "service's data or a constant, the service puts it in its view (declared once, in the view file).",
      from: { path: "^cards/" },
      to: {
        pathNot: ["^cards/", "^services/domain/", VIEW_FILE, PURE_LIBRARIES, "(^|/)node_modules/adaptivecards-templating/"],
      },
    },
    {
      name: "views-are-a-leaf",
      severity: "error",
      comment:
        "A view file (services/app/<capability>/*-view.ts or *-views.ts) is what cards/ may import, so it must keep " +
        "cards a leaf: it may import only services/domain/, other view files and zod. Move logic that needs more " +
        "into the service beside it, which fills the view.",
      from: { path: VIEW_FILE },
      to: { pathNot: ["^services/domain/", VIEW_FILE, "(^|/)node_modules/zod/"] },
    },
    {
      name: "services-never-import-cards",
      severity: "error",
      comment:
        "Services return views and notification intents; bot/ turns them into cards. A service importing cards/ " +
        "builds or chooses cards itself: return the view (and the intent) and render it in the bot handler, or have " +
        "the composition root inject a renderer.",
      from: { path: "^services/" },
      to: { path: "^cards/" },
    },
    {
      name: "botbuilder-restify-only-in-bot",
      severity: "error",
      comment:
        "The Teams and HTTP frameworks (botbuilder, botframework-*, restify) belong to bot/ only, so services stay " +
        "testable and usable from the CLI without them. Take what you need as a plain value or a small interface " +
        "that bot/ implements.",
      from: { pathNot: "^(bot|test|bench)/" },
      to: { path: "(^|/)node_modules/(@types/)?(botbuilder|botbuilder-[^/]+|botframework-[^/]+|restify)/" },
    },
    {
      name: "node-cron-in-one-file",
      severity: "error",
      comment:
        "Scheduling lives in one place, services/app/sweep/sweep-scheduler.ts, so there is one set of timers to " +
        "start, stop and reason about. Schedule through it rather than importing node-cron again.",
      from: { pathNot: "^services/app/sweep/sweep-scheduler\\.ts$" },
      to: { path: "(^|/)node_modules/node-cron/" },
    },
    {
      name: "no-circular",
      severity: "error",
      comment:
        "Modules that import each other (directly or through others) have no layer order: neither can be understood, " +
        "tested or moved alone. Move what both need into a lower layer (often services/domain/ or a view file).",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports count: a layer that needs another layer's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "(^|/)node_modules/" },
    exclude: { path: "^dist/" },
    enhancedResolveOptions: {
      extensions: [".ts", ".js", ".json", ".cjs", ".mjs"],
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
