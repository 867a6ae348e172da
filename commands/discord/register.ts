// `npm run discord:register -- [--guild <id>] [--write-only]`
// Registers Tandem's Discord commands globally, or to one guild (instant, for testing),
// and writes commands/discord/commands.json (the JSON built from the definitions, kept in
// the repository so a change to a command shows in review). Needs DISCORD_TOKEN and
// DISCORD_APPLICATION_ID; DISCORD_API_URL points it elsewhere than discord.com.
import { writeFile } from 'node:fs/promises';
import { REST, Routes } from 'discord.js';
import { loadConfig } from '../../src/config.js';
import { discordApiBase } from '../../src/discord/client.js';
import { buildCommandJson, hashCommandJson } from '../../src/discord/commandJson.js';

const args = process.argv.slice(2);
const guildIndex = args.indexOf('--guild');
const guildId = guildIndex >= 0 ? args[guildIndex + 1] : undefined;
if (guildIndex >= 0 && !guildId) throw new Error('--guild needs a guild id');

const json = buildCommandJson();
const file = new URL('./commands.json', import.meta.url);
await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
process.stdout.write(`Wrote ${json.length} commands to commands/discord/commands.json (hash ${hashCommandJson(json)}).\n`);

if (!args.includes('--write-only')) {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    process.stderr.write('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register the commands.\n');
    process.exit(1);
  }
  const api = discordApiBase(config.DISCORD_API_URL);
  const rest = new REST(api ? { api } : {}).setToken(config.DISCORD_TOKEN);
  const route = guildId ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, guildId) : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
  const saved = (await rest.put(route, { body: json })) as unknown[];
  process.stdout.write(`Registered ${saved.length} commands ${guildId ? `in guild ${guildId}` : 'globally (Discord may take a moment to show them)'}.\n`);
}
