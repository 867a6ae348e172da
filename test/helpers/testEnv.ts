// The test suite's one reader of the environment (src/ has config.ts for that).
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;
