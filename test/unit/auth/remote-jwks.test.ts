import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthenticator } from "../../../src/auth/authenticator.js";

let server: Server;
let url: string;
let token: string;
let fetches = 0;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(publicKey)), kid: "r1", alg: "ES256" }],
  });
  server = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { "content-type": "application/json" }).end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  token = await new SignJWT({ sub: "remote-user" })
    .setProtectedHeader({ alg: "ES256", kid: "r1" })
    .setExpirationTime("5m")
    .sign(privateKey);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("JWKS from a URL", () => {
  it("fetches the key set once and verifies tokens against it", async () => {
    const auth = createAuthenticator({ jwt: { jwks: url } });
    const creds = { authorization: `Bearer ${token}`, certificate: undefined };
    expect(await auth(creds)).toEqual({ name: "remote-user", method: "jwt" });
    expect(await auth(creds)).toEqual({ name: "remote-user", method: "jwt" });
    expect(fetches).toBe(1);
  });
});
