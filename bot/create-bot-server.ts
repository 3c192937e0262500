import type { AddressInfo } from "node:net";
import type { CloudAdapter, TurnContext } from "botbuilder";
import { AuthenticationError, type BotFrameworkAuthentication } from "botframework-connector";
import restify from "restify";
import { buildErrorCard } from "../cards/error";
import type { Config } from "../services/platform/config/load-config";
import { CasewatchError } from "../services/platform/errors";
import type { Logger } from "../services/platform/logger";
import type { Repositories } from "../services/store/repositories";
import type { CasewatchBot } from "./casewatch-bot";
import { cardInvokeResponse, cardMessage } from "./card-message";
import { envelopeProblem } from "./turn-input";

/** Teams activities are small; anything bigger is refused with 413 before it is parsed. */
export const MAX_BODY_BYTES = 256 * 1024;
const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** What the server is built around; bot/compose/ builds them (the adapter is also the proactive sender's). */
export interface BotServerDeps {
  config: Config;
  adapter: CloudAdapter;
  bot: CasewatchBot;
  logger: Logger;
  /** What /readyz asks, e.g. storeReadiness (a cheap point read from the store). */
  readiness: () => Promise<boolean>;
}

export interface BotServer {
  server: restify.Server;
  adapter: CloudAdapter;
  bot: CasewatchBot;
  listen(host: string, port: number): Promise<void>;
  /** The bound port (useful after listening on port 0). */
  port(): number;
  close(): Promise<void>;
}

/**
 * Only the shape of an error goes to the log: our own errors' messages (written to be safe), otherwise the name,
 * codes and stack frames, never a foreign message, body, header or token that client errors can carry.
 */
function errorFacts(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { errType: typeof err };
  const e = err as Error & { code?: unknown; statusCode?: unknown };
  return {
    errName: e.name,
    ...(typeof e.code === "string" ? { code: e.code } : {}),
    ...(typeof e.statusCode === "number" ? { statusCode: e.statusCode } : {}),
    ...(err instanceof CasewatchError ? { message: err.message } : {}),
    frames: e.stack?.split("\n").slice(1, 9).map((f) => f.trim()),
  };
}

/** jsonwebtoken's verification failures (bad or missing signature, bad claims, not yet valid, expired). */
const TOKEN_ERRORS = new Set(["JsonWebTokenError", "NotBeforeError", "TokenExpiredError"]);

/**
 * botframework-connector rethrows jsonwebtoken's own errors for a forged or unsigned token, and CloudAdapter answers
 * anything that is not an AuthenticationError with 500 and the error's message. The request is refused either way,
 * but a refusal of the caller's credentials is a 401, and says nothing about why.
 */
export function tokenFailuresAre401<A extends BotFrameworkAuthentication>(auth: A): A {
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    try {
      return await authenticate(activity, authHeader);
    } catch (err) {
      if (err instanceof Error && TOKEN_ERRORS.has(err.name)) throw new AuthenticationError("The request's token could not be verified.", 401);
      throw err;
    }
  };
  return auth;
}

// An unexpected failure may have happened after a write, so this card does not claim that nothing changed.
const SORRY = buildErrorCard({
  title: "Something went wrong",
  message: "Casewatch could not finish that. Try again in a moment; if it keeps happening, tell the Casewatch administrator.",
  nothingChanged: false,
});

/** /readyz's default question: can the store answer a point read? */
export function storeReadiness(repos: Pick<Repositories, "officers">, logger: Logger): () => Promise<boolean> {
  const log = logger.child({ component: "bot" });
  return async () => {
    try {
      await repos.officers.get("readyz-probe");
      return true;
    } catch (err) {
      log.warn({ ...errorFacts(err) }, "store not reachable for /readyz");
      return false;
    }
  };
}

/** The restify server around a given adapter and bot: routes, body limits, the turn-error card. No wiring here. */
export function createBotServer(deps: BotServerDeps): BotServer {
  const { config, adapter, bot, logger, readiness } = deps;
  const log = logger.child({ component: "bot" });

  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    const a = context.activity;
    log.error({ ...errorFacts(error), activityType: a.type, activityName: a.name, conversationType: a.conversation?.conversationType }, "turn failed");
    try {
      if (a.type === "invoke" && a.name === "adaptiveCard/action") {
        await context.sendActivity({ type: "invokeResponse", value: cardInvokeResponse(SORRY) });
      } else {
        await context.sendActivity(cardMessage(SORRY));
      }
    } catch (sendError) {
      log.error({ ...errorFacts(sendError) }, "could not tell the user about a failed turn");
    }
  };

  const server = restify.createServer({ name: "casewatch", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));
  server.post("/api/messages", async (req: restify.Request, res: restify.Response) => {
    // Only JSON: a form post is a "simple" request any web page can make without a CORS preflight.
    if (req.getContentType() !== "application/json") {
      res.send(415, { error: "Send the activity as application/json." });
      return;
    }
    const problem = envelopeProblem(req.body);
    if (problem) {
      res.send(400, { error: problem });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get("/healthz", async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: "ok" });
  });
  server.get("/readyz", async (_req: restify.Request, res: restify.Response) => {
    const ready = await readiness();
    res.send(ready ? 200 : 503, { status: ready ? "ready" : "store unreachable" });
  });

  return {
    server,
    adapter,
    bot,
    listen: (host, port) => {
      if (config.mode === "local" && !LOOPBACK.has(host)) {
        return Promise.reject(new CasewatchError("CONFIG_INVALID", `Local mode runs with bot auth off, so it only listens on loopback; HOST=${host} is refused.`));
      }
      return new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.removeListener("error", reject);
          log.info({ host, port: (server.address() as AddressInfo).port, auth: config.bot.authEnabled }, "bot listening");
          resolve();
        });
      });
    },
    port: () => (server.address() as AddressInfo | null)?.port ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
