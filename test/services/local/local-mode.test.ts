import assert from "node:assert/strict";
import { localModeBanner } from "../../../services/local/local-mode";

const running = { botUrl: "http://127.0.0.1:3978", storeEndpoint: "https://127.0.0.1:8081", playgrounds: [{ role: "sergeant", url: "http://localhost:56150" }] };

describe("services/local/local-mode: the banner npm start prints", () => {
  it("names the demo force when it was seeded", () => {
    const banner = localModeBanner(running, { demoSeeded: true });
    assert.match(banner, /demo force/);
    assert.match(banner, /http:\/\/localhost:56150 +as the DS, a sergeant/);
  });

  it("does not promise a demo force when seeding is off, and says how to load data", () => {
    const banner = localModeBanner(running, { demoSeeded: false });
    assert.doesNotMatch(banner, /demo force/);
    assert.match(banner, /no demo data/);
    assert.match(banner, /npx casewatch import/);
  });
});
