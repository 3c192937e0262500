import { loadConfig } from "../services/platform/config/load-config";
import { CasewatchError } from "../services/platform/errors";
import { composeApp } from "./compose/compose-app";
import { localModeBanner } from "../services/local/local-mode";

/** `npm start`: the process entry point. Startup errors list every problem and exit non-zero. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof CasewatchError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const app = composeApp(config);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, "shutting down");
    await app.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  try {
    const running = await app.start();
    if (config.mode === "local") console.log(localModeBanner(running, { demoSeeded: config.seedDemo }));
  } catch (err) {
    app.logger.fatal({ err }, "Casewatch failed to start");
    if (err instanceof CasewatchError) console.error(err.message);
    await app.stop();
    process.exit(1);
  }
}

void main();
