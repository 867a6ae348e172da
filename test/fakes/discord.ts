// The tests use the playground's Discord stand-in: one implementation, not two.
export * from '../../src/playground/discord/index.js';
