// The Discord stand-in: one implementation for the playground and the tests.
export { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type InteractionResult } from './server.js';
export { community, seedCommunity, makeUser, type Community } from './seed.js';
export { buttonsOf, type CommandInvocation, type MessageCommandInvocation, type ButtonClick } from './interactions.js';
export { shardOfGuild } from './gateway.js';
export { timestampOfSnowflake } from './snowflake.js';
export type { RecordedCall, FailureRule } from './rest.js';
export type { DiscordWorld, InteractionRecord } from './state.js';
