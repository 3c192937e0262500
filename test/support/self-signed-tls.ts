import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The self-signed localhost certificate the Cosmos-protocol server package ships; fine for loopback test proxies. */
export function selfSignedTls(): { cert: Buffer; key: Buffer } {
  const root = join(dirname(require.resolve("@vercel/cosmosdb-server")), "..");
  return { cert: readFileSync(join(root, "cert.pem")), key: readFileSync(join(root, "key.pem")) };
}
