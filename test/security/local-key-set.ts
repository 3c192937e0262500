import { createSign, generateKeyPairSync, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** An RSA signing key with the `kid` a JWKS publishes it under. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: { kty: string; n: string; e: string };
}

export function makeSigningKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" }) as { kty: string; n: string; e: string };
  return { kid, privateKey, publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e } };
}

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

/** An RS256 JWT signed by `key`, published (or not) under `kid`; built with node:crypto so no extra dependency. */
export function signToken(key: SigningKey, claims: Record<string, unknown>, kid = key.kid): string {
  const head = `${b64url({ alg: "RS256", typ: "JWT", kid })}.${b64url(claims)}`;
  const signature = createSign("RSA-SHA256").update(head).sign(key.privateKey).toString("base64url");
  return `${head}.${signature}`;
}

/**
 * An OpenID metadata document and JWKS served on loopback, standing in for login.botframework.com: the bot's real
 * token validation runs against keys this test issued, so "signed correctly" and "signed wrongly" are both real.
 */
export async function serveKeySet(keys: readonly SigningKey[], endorsements: readonly string[] = ["msteams"]) {
  let fetches = 0;
  const server = http.createServer((req, res) => {
    fetches += 1;
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.writeHead(200, { "content-type": "application/json" });
    if (req.url === "/jwks") {
      res.end(JSON.stringify({ keys: keys.map((k) => ({ ...k.publicJwk, kid: k.kid, use: "sig", endorsements })) }));
    } else {
      res.end(JSON.stringify({ issuer: "https://api.botframework.com", jwks_uri: `${base}/jwks`, id_token_signing_alg_values_supported: ["RS256"] }));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`;
  return {
    metadataUrl: url,
    fetches: () => fetches,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
