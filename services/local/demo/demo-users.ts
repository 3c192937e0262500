/**
 * The Playground users that map to demo officers (aadObjectIds as the Playground config writes them).
 * The Playground's default user, Alex Wilber, is deliberately NOT mapped: he is the "unregistered" user.
 */
export const DEMO_USERS = {
  inspector: "00000000-0000-0000-0000-0000000000031",
  sergeant: "00000000-0000-0000-0000-0000000000032",
  detective: "00000000-0000-0000-0000-0000000000033",
} as const;

export type DemoRole = keyof typeof DEMO_USERS;

/** The demo officer each Playground user is. */
export const DEMO_OFFICER_IDS: Record<DemoRole, string> = { inspector: "di1", sergeant: "ds1", detective: "dc01" };

export const UNREGISTERED_PLAYGROUND_USER = "00000000-0000-0000-0000-0000000000020";
