/**
 * Source of a script loaded with `node --require` into the Agents Playground process. It is written next to the
 * Playground's config at start, so it works the same from the TypeScript sources and from a compiled build.
 *
 * 1. The Playground listens on every interface and has no option to choose one; behind it the bot runs with auth off,
 *    so anyone on the network could chat as the demo inspector. Local mode is loopback only: bind to 127.0.0.1.
 * 2. The Playground runs in its own process group so stop() can end it cleanly, which also means it would outlive a
 *    parent that crashes. The IPC channel closes when the parent goes, whatever the reason: leave with it.
 */
export const PLAYGROUND_PRELOAD = `"use strict";
const net = require("node:net");
const LOOPBACK = "127.0.0.1";
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (typeof args[0] === "number" && typeof args[1] !== "string") args.splice(1, 0, LOOPBACK);
  else if (args[0] && typeof args[0] === "object" && "port" in args[0] && args[0].host === undefined) args[0] = { ...args[0], host: LOOPBACK };
  return listen.apply(this, args);
};
if (typeof process.send === "function") process.on("disconnect", () => process.exit(0));
`;
