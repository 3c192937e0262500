import { Command } from "commander";
import { CasewatchError } from "../../services/platform/errors";
import { registerImportCommand } from "./import-command";
import { registerAuditCommand } from "./audit-command";
import { registerSweepCommand } from "./sweep-command";

/*
 * The `casewatch` command line. It talks to the configured store (in local mode, the running app's embedded one).
 * Everything a command needs is built by bot/compose/compose-cli.ts, loaded only when a command runs: `--help` and
 * argument errors never load botbuilder, the Cosmos SDK or the services.
 */
const compose = () => import("../compose/compose-cli");

export function buildCli(env?: NodeJS.ProcessEnv): Command {
  const program = new Command("casewatch").description("Casewatch operations: import, sweep, audit export").showHelpAfterError();
  registerImportCommand(program, async () => (await compose()).importCommandDeps(env));
  registerSweepCommand(program, async () => (await compose()).sweepCommandDeps(env));
  registerAuditCommand(program, async () => (await compose()).auditCommandDeps(env));
  return program;
}

/** Runs the CLI; bin/casewatch.js calls this, so it works however npm links the bin (npx, npm link, node_modules/.bin). */
export function runCli(argv: readonly string[] = process.argv): void {
  buildCli()
    .parseAsync([...argv])
    .catch((err: unknown) => {
      console.error(err instanceof CasewatchError ? err.message : err);
      process.exit(err instanceof CasewatchError ? 2 : 1);
    });
}

if (require.main === module) runCli();
