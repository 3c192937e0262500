import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { LOCAL_TENANT_ID } from "../../../services/platform/config/load-config";
import { createLogger } from "../../../services/platform/logger";
import { PLAYGROUND_ROLES, playgroundConfig } from "../../../services/local/playground-config";
import { startPlayground, type RunningPlayground } from "../../../services/local/playground";
import { PlaygroundStartError } from "../../../services/local/playground-start-error";
import { startEchoBot, type EchoBot } from "../../e2e/echo-bot";

const loadedSchema = z.object({ config: z.object({ tenantId: z.string(), currentUser: z.object({ aadObjectId: z.string() }) }) });

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    // Refused or timed out: not reachable, which is what these tests ask about.
    return false;
  }
}

// The real Playground process against a stand-in bot (no browser): about a second per start.
describe("startPlayground", function () {
  this.timeout(60_000);
  const logger = createLogger("silent");
  let bot: EchoBot;
  let dir: string;
  const running: RunningPlayground[] = [];
  const start = async (role: (typeof PLAYGROUND_ROLES)[number], port = 0) => {
    const pg = await startPlayground({ botEndpoint: `${bot.botUrl}/api/messages`, port, role, logger, cwd: dir });
    running.push(pg);
    return pg;
  };

  before(async () => {
    bot = await startEchoBot();
    dir = mkdtempSync(path.join(tmpdir(), "casewatch-playground-test-"));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((pg) => pg.stop()));
  });
  after(async () => {
    await bot.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("starts one Playground per role, each signed in as its user in the local tenant, with its own config and log", async () => {
    const started = await Promise.all(PLAYGROUND_ROLES.map((role) => start(role)));
    assert.equal(new Set(started.map((pg) => pg.port)).size, PLAYGROUND_ROLES.length);
    for (const pg of started) {
      const res = await fetch(`http://127.0.0.1:${pg.port}/_internal/v1/config`);
      const { config } = loadedSchema.parse(await res.json());
      assert.equal(config.tenantId, LOCAL_TENANT_ID);
      assert.equal(config.currentUser.aadObjectId, playgroundConfig(pg.role).currentUser.aadObjectId);
      assert.equal(pg.configFile, path.join(dir, ".casewatch", "playground", `${pg.role}.yml`));
      assert.equal(pg.logFile, path.join(dir, ".casewatch", "playground", `${pg.role}.log`));
      assert.equal(pg.url, `http://localhost:${pg.port}`);
      assert.equal(pg.serviceUrl, `http://localhost:${pg.port}/_connector`);
    }
  });

  it("frees its port when stopped", async () => {
    const pg = await start("sergeant");
    assert.equal(await reachable(pg.url), true);
    await pg.stop();
    assert.equal(await reachable(`http://127.0.0.1:${pg.port}/`), false);
  });

  it("reports the port it actually got when the requested one is taken", async () => {
    const first = await start("sergeant");
    const second = await start("detective", first.port);
    assert.notEqual(second.port, first.port);
    assert.equal(second.url, `http://localhost:${second.port}`);
  });

  it("listens on loopback only, because the bot behind it runs with auth off", async function () {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal);
    if (!external) {
      console.warn("    (no non-loopback IPv4 interface on this machine: cannot check the Playground is unreachable from it)");
      this.skip();
    }
    const pg = await start("inspector");
    assert.equal(await reachable(`http://127.0.0.1:${pg.port}/`), true);
    assert.equal(await reachable(`http://${external.address}:${pg.port}/`), false);
  });

  it("does not outlive a parent that dies without stopping it", async () => {
    const script = `
      const { startPlayground } = require(${JSON.stringify(path.resolve(__dirname, "../../../services/local/playground.ts"))});
      const { createLogger } = require(${JSON.stringify(path.resolve(__dirname, "../../../services/platform/logger.ts"))});
      startPlayground({ botEndpoint: ${JSON.stringify(`${bot.botUrl}/api/messages`)}, port: 0, role: "detective", logger: createLogger("silent"), cwd: ${JSON.stringify(dir)} })
        .then((pg) => console.log("PORT " + pg.port));`;
    const parent = spawn(process.execPath, ["--require", "tsx/cjs", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      parent.stdout.on("data", (b: Buffer) => {
        out += b.toString();
        const m = /PORT (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      parent.once("exit", (code) => reject(new Error(`parent exited early (${code})`)));
    });
    assert.equal(await reachable(`http://127.0.0.1:${port}/`), true);
    parent.kill("SIGKILL");
    const deadline = Date.now() + 10_000;
    while ((await reachable(`http://127.0.0.1:${port}/`)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await reachable(`http://127.0.0.1:${port}/`), false, "the Playground left with its parent");
  });

  it("fails with PLAYGROUND_START_FAILED and the Playground's own log when it cannot start", async () => {
    await assert.rejects(start("sergeant", 70_000), (err: unknown) => {
      assert.ok(err instanceof PlaygroundStartError);
      assert.equal(err.code, "PLAYGROUND_START_FAILED");
      assert.match(err.message, /ERR_SOCKET_BAD_PORT/);
      assert.match(err.message, /Playground log \(.*sergeant\.log\)/);
      return true;
    });
  });
});
