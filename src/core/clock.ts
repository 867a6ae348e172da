/** Time comes from here, never from `new Date()` in domain code, so tests can drive it. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
