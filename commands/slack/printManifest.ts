import { buildSlackManifest } from './manifest.js';

/**
 * `npm run slack:manifest -- --url https://tandem.example.com` prints the app manifest
 * with request URLs under that base; `-- --socket` prints it for Socket Mode (no URLs).
 */
function readArgs(argv: string[]): { baseUrl?: string; socketMode: boolean; name?: string } {
  const valueOf = (flag: string) => {
    const inline = argv.find((a) => a.startsWith(`${flag}=`));
    if (inline) return inline.slice(flag.length + 1);
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  return { baseUrl: valueOf('--url'), socketMode: argv.includes('--socket'), name: valueOf('--name') };
}

const args = readArgs(process.argv.slice(2));
if (!args.socketMode && !args.baseUrl) {
  process.stderr.write('Usage: npm run slack:manifest -- --url https://your-tandem.example.com   (or -- --socket for Socket Mode)\n');
  process.exit(1);
}
try {
  if (args.baseUrl) new URL(args.baseUrl);
} catch {
  process.stderr.write(`Not a URL: ${args.baseUrl}\n`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(buildSlackManifest(args), null, 2)}\n`);
