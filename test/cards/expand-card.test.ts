import assert from "node:assert/strict";
import { compileCard } from "../../cards/expand-card";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [{ type: "TextBlock", text: "Case ${ref}" }, { $data: "${items}", type: "TextBlock", text: "${name}" }],
};

describe("compileCard", () => {
  const expand = compileCard(template);

  it("serves many cards from one compiled template, each from its own data only", () => {
    const first = expand({ ref: "CF/00001/26", items: [{ name: "a" }, { name: "b" }] });
    const second = expand({ ref: "CF/00002/26", items: [{ name: "c" }] });
    assert.deepEqual(first.body, [{ type: "TextBlock", text: "Case CF/00001/26" }, { type: "TextBlock", text: "a" }, { type: "TextBlock", text: "b" }]);
    assert.deepEqual(second.body, [{ type: "TextBlock", text: "Case CF/00002/26" }, { type: "TextBlock", text: "c" }]);
  });

  it("binds text from the data as text: template syntax inside a value is not evaluated", () => {
    const card = expand({ ref: "${items}", items: [] });
    assert.deepEqual(card.body, [{ type: "TextBlock", text: "Case ${items}" }]);
  });

  it("leaves the template itself untouched", () => {
    expand({ ref: "CF/00003/26", items: [{ name: "x" }] });
    assert.equal((template.body[0] as { text: string }).text, "Case ${ref}");
  });
});
