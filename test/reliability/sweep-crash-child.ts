/**
 * A sweep in its own process, for the crash tests: the parent hosts the store and the fake connector, starts this,
 * and kills it with SIGKILL at a chosen moment. Arguments come as one JSON object in argv[2].
 */
import pino from "pino";
import { z } from "zod";
import { fixedClock } from "../../services/platform/clock";
import { defaultPolicy } from "../../services/domain/policy";
import { containerDefinitions, type ContainerName } from "../../services/store/containers";
import { embeddedCosmosClient, type Containers } from "../../services/store/cosmos-setup";
import { createCosmosRepositories } from "../../services/store/repositories";
import { createHttpCardSender } from "../support/fake-teams-connector";
import { sweepExecutor } from "../services/app/sweep/sweep-fixtures";

const args = z
  .object({
    endpoint: z.string(),
    database: z.string(),
    connector: z.string(),
    at: z.string(),
    clock: z.string(),
    instanceId: z.string(),
    tenantId: z.string(),
    maxItemsPerCard: z.number().int().positive(),
    leaseTtlMs: z.number().int().positive(),
    claimGraceMs: z.number().int().positive(),
    concurrency: z.number().int().positive(),
  })
  .parse(JSON.parse(process.argv[2] ?? "{}"));

async function main(): Promise<void> {
  const client = embeddedCosmosClient(args.endpoint);
  const database = client.database(args.database);
  const containers = Object.fromEntries(
    (Object.keys(containerDefinitions) as ContainerName[]).map((n) => [n, database.container(containerDefinitions[n].id)]),
  ) as Containers;
  const executor = sweepExecutor({
    repos: createCosmosRepositories(containers),
    sender: createHttpCardSender(args.connector),
    policy: defaultPolicy(),
    clock: fixedClock(args.clock),
    logger: pino({ level: "silent" }),
    instanceId: args.instanceId,
    tenantId: args.tenantId,
    concurrency: args.concurrency,
    maxItemsPerCard: args.maxItemsPerCard,
    leaseTtlMs: args.leaseTtlMs,
    claimGraceMs: args.claimGraceMs,
    // Teams' real rates are not what this test is about; fast limits keep 20 runs quick.
    limits: { perConversationPerSecond: 100, globalPerSecond: 500, backoffBaseMs: 10, backoffMaxMs: 100 },
  });
  process.stdout.write("ready\n");
  const report = await executor.run({ at: new Date(args.at) });
  process.stdout.write(`done ${JSON.stringify(report)}\n`);
  client.dispose();
}

main().catch((err: unknown) => {
  // A test process: the message and its cause are what the failing assertion needs to show.
  const e = err as Error & { code?: unknown; cause?: { message?: string; code?: unknown } };
  process.stderr.write(`sweep child failed: ${e.name} ${String(e.code ?? "")} ${e.message}${e.cause ? ` (cause: ${String(e.cause.code ?? "")} ${e.cause.message ?? ""})` : ""}\n`);
  process.exit(1);
});
