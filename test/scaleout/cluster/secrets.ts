import { randomBytes } from 'node:crypto';

/** Credentials shaped like the real ones, new each run, so a log scan can look for them. */
export type Secrets = { slackBotToken: string; slackSigningSecret: string; discordToken: string };

function digits(n: number): string {
  return Array.from(randomBytes(n), (b) => String(b % 10)).join('');
}

export function makeSecrets(): Secrets {
  return {
    slackBotToken: `xoxb-${digits(12)}-${digits(13)}-${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`,
    slackSigningSecret: randomBytes(16).toString('hex'),
    discordToken: `${Buffer.from(digits(19)).toString('base64url')}.${randomBytes(5).toString('base64url')}.${randomBytes(28).toString('base64url')}`,
  };
}

/** Every place a secret's text appears in `output`, for the report of a failed scan. */
export function findSecrets(output: string, secrets: Secrets): string[] {
  return Object.entries(secrets).flatMap(([name, value]) => (output.includes(value) ? [name] : []));
}
