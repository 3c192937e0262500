/**
 * Just enough of Bicep to read the literal `var` blocks the deployment tests compare with code: objects, arrays,
 * single-quoted strings, numbers and booleans, separated by newlines or commas. Anything else (an expression) is an
 * error, so a test never silently compares against something it could not read.
 */
type Token = { kind: "punct"; value: "{" | "}" | "[" | "]" | ":" } | { kind: "sep" } | { kind: "string"; value: string } | { kind: "word"; value: string };

const ESCAPES: Record<string, string> = { "\\": "\\", "'": "'", n: "\n", r: "\r", t: "\t", $: "$" };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (ch === "\n" || ch === ",") {
      tokens.push({ kind: "sep" });
      i++;
    } else if (/\s/.test(ch)) {
      i++;
    } else if ("{}[]:".includes(ch)) {
      tokens.push({ kind: "punct", value: ch as "{" | "}" | "[" | "]" | ":" });
      i++;
    } else if (ch === "'") {
      let value = "";
      i++;
      while (text[i] !== "'") {
        if (i >= text.length) throw new Error("unterminated Bicep string");
        if (text[i] === "$" && text[i + 1] === "{") throw new Error(`interpolated string is not a literal near: ${text.slice(i, i + 40)}`);
        if (text[i] === "\\") {
          const escaped = ESCAPES[text[i + 1] ?? ""];
          if (escaped === undefined) throw new Error(`unknown escape \\${text[i + 1]}`);
          value += escaped;
          i += 2;
        } else {
          value += text[i];
          i++;
        }
      }
      i++;
      tokens.push({ kind: "string", value });
    } else {
      const m = /^[A-Za-z0-9_.\-]+/.exec(text.slice(i));
      if (!m) throw new Error(`unexpected character ${ch} near: ${text.slice(i, i + 40)}`);
      tokens.push({ kind: "word", value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

/** Parses one Bicep literal value (the text after `var name =`). */
export function parseBicepLiteral(text: string): unknown {
  const tokens = tokenize(text);
  let pos = 0;
  const skipSeparators = () => { while (tokens[pos]?.kind === "sep") pos++; };
  const expectPunct = (value: string) => {
    const t = tokens[pos++];
    if (t?.kind !== "punct" || t.value !== value) throw new Error(`expected ${value}`);
  };
  const value = (): unknown => {
    skipSeparators();
    const t = tokens[pos++];
    if (!t) throw new Error("unexpected end of Bicep literal");
    if (t.kind === "string") return t.value;
    if (t.kind === "word") {
      if (t.value === "true" || t.value === "false") return t.value === "true";
      if (/^-?\d+$/.test(t.value)) return Number(t.value);
      throw new Error(`${t.value} is an expression, not a literal`);
    }
    if (t.kind === "punct" && t.value === "[") {
      const items: unknown[] = [];
      for (skipSeparators(); !(tokens[pos]?.kind === "punct" && (tokens[pos] as { value: string }).value === "]"); skipSeparators()) items.push(value());
      pos++;
      return items;
    }
    if (t.kind === "punct" && t.value === "{") {
      const obj: Record<string, unknown> = {};
      for (skipSeparators(); !(tokens[pos]?.kind === "punct" && (tokens[pos] as { value: string }).value === "}"); skipSeparators()) {
        const key = tokens[pos++];
        if (key?.kind !== "word" && key?.kind !== "string") throw new Error("expected an object key");
        expectPunct(":");
        obj[key.value] = value();
      }
      pos++;
      return obj;
    }
    throw new Error("unexpected token in Bicep literal");
  };
  const result = value();
  skipSeparators();
  if (pos !== tokens.length) throw new Error("trailing content after Bicep literal");
  return result;
}

/** The bracketed text of `var <name> = {...}` or `[...]`, matched by bracket depth (strings skipped). */
export function bicepVarText(bicep: string, name: string): string {
  const start = new RegExp(`^var\\s+${name}\\s*=\\s*`, "m").exec(bicep);
  if (!start) throw new Error(`no var ${name} in the Bicep`);
  let i = start.index + start[0].length;
  const open = bicep[i];
  if (open !== "{" && open !== "[") throw new Error(`var ${name} is not an object or array literal`);
  let depth = 0;
  let inString = false;
  for (const begin = i; i < bicep.length; i++) {
    const ch = bicep[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === "'") inString = false;
    } else if (ch === "'") inString = true;
    else if (ch === "/" && bicep[i + 1] === "/") while (i < bicep.length && bicep[i] !== "\n") i++;
    else if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") {
      depth--;
      if (depth === 0) return bicep.slice(begin, i + 1);
    }
  }
  throw new Error(`unbalanced brackets in var ${name}`);
}
