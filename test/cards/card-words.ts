/** What a person reads on a card: every text, fact title and value and button title, in order. */
export function wordsOf(node: unknown, out: string[] = []): string {
  if (Array.isArray(node)) node.forEach((n) => wordsOf(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === "string" && (k === "text" || k === "title" || k === "value")) out.push(v);
      else wordsOf(v, out);
    }
  }
  return out.join(" | ");
}
