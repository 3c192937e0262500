import assert from "node:assert/strict";
import { useCasewatchBot, useHarness } from "../support/playground-harness";
import { demoClock } from "./demo-clock";

// Issue 6 on the demo force: the inspector (DI Tom Reid) and the sergeant (DS Sam Khan) against one bot, on the same
// fixed Tuesday as the workflow suite so the bail dates inside the absence are known.
describe("e2e: oversight, absence and reallocation (issue 6)", function () {
  const bot = useCasewatchBot({ clock: demoClock() });
  const inspector = useHarness({ role: "inspector", bot });
  const sergeant = useHarness({ role: "sergeant", bot });

  it("the inspector asks `status`, opens a team and sees the over-capacity part-time detective", async function () {
    const h = inspector();
    const status = await h.waitForText("Teams status: DI Tom Reid", { after: await h.say("status") });
    const text = await status.innerText();
    for (const lead of ["DS Sam Khan", "DS Priya Shah", "DS Gareth Evans"]) assert.match(text, new RegExp(`${lead}'s team`));
    assert.match(text, /At or over capacity[\s\S]*DC Carys Lloyd \(10 of 7\.2\)/, "the team block names her");
    const before = await h.botMessages().count();
    // The innermost block that starts with the team's title and holds a button: that team's own.
    const openTeam = h.page.getByRole("button", { name: "Open team", exact: true });
    const team = status.locator("div").filter({ hasText: /^DS Sam Khan's team/, has: openTeam }).last();
    await team.getByRole("button", { name: "Open team", exact: true }).click();
    const drilldown = await h.waitForText(/^DS Sam Khan's team/);
    assert.match(await drilldown.innerText(), /DC Carys Lloyd · 24h a week[\s\S]*Caseload 10 of 7\.2 \(139%, at or over capacity\)/);
    assert.equal(await h.botMessages().count(), before, "the team replaced the status card in place");
  });

  it("the sergeant records an absence and reassigns a case whose bail ends inside it", async function () {
    const h = sergeant();
    const card = await h.waitForText("Absence recorded: DC Owen Price", { after: await h.say("absent Owen Price leave from 2026-03-04 to 2026-03-10") });
    const recorded = await card.innerText();
    assert.match(recorded, /Absent from Wed 4 Mar 2026 to Tue 10 Mar 2026/);
    const ref = /(CF\/\d+\/\d+) · [^\n]*\n[\s\S]*?Bail ends/.exec(recorded)?.[1];
    assert.ok(ref, `a case with its bail ending inside the absence is listed: ${recorded}`);
    assert.match(recorded, /Bail ends (Wed 4|Tue 10) Mar 2026/);

    await card.getByRole("button", { name: "Reassign", exact: true }).first().click();
    const chooser = await h.waitForText(/^Reassign CF\/\d+\/\d+/);
    const chosenRef = /^Reassign (CF\/\d+\/\d+)/.exec(await chooser.innerText())?.[1];
    await chooser.getByRole("combobox", { name: /^New officer in charge/ }).click();
    const option = h.page.getByRole("option").first();
    const label = (await option.textContent()) ?? "";
    const takes = /((?:DC|DS) \S+ \S+) · \d+ of [\d.]+/.exec(label)?.[1];
    assert.ok(takes, `the chooser lists officers with their caseload: "${label}"`);
    await option.click();
    await h.clickButton("Reassign", chooser);
    await h.waitForText(`${chosenRef} reassigned`);
    assert.match(await chooser.innerText(), new RegExp(`To ${takes} from DC Owen Price by DS Sam Khan`));
    const stored = await h.bot.app!.store().repos.cases.getByRef(chosenRef!);
    assert.notEqual(stored?.oicId, "dc01", "the case has a new officer in charge");
  });
});
