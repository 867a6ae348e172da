import pg from 'pg';
import { startFakeSlackApi } from './test/fakes/slack.js';
import { runCommandLoad, setUpWorkspace, workspaceChannel } from './test/scaleout/cluster/commandLoad.js';
import { createSlackFrontDoor } from './test/scaleout/cluster/frontDoor.js';
import { startReplicas, stopReplicas } from './test/scaleout/cluster/replicas.js';
import { createScratchDatabase } from './test/scaleout/cluster/scratchDatabase.js';
import { makeSecrets } from './test/scaleout/cluster/secrets.js';
const async_ = process.argv[2] === 'off';
const secrets = makeSecrets();
const database = await createScratchDatabase('postgresql://postgres@127.0.0.1:5432/test', 'dbg');
if (async_) { const c = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/test' }); await c.connect(); await c.query(`ALTER DATABASE "${database.name}" SET synchronous_commit = off`); await c.end(); }
const slack = await startFakeSlackApi({ acceptedTokens: [secrets.slackBotToken], channels: [{ id: workspaceChannel, name: 'social' }] });
const replicas = await startReplicas({ databaseUrl: database.url, slackApiUrl: slack.apiUrl, secrets }, 3);
const commits = async () => { const c = new pg.Client({ connectionString: database.url }); await c.connect(); const r = await c.query(`select xact_commit from pg_stat_database where datname = $1`, [database.name]); await c.end(); return Number(r.rows[0].xact_commit); };
try {
  const door = createSlackFrontDoor(replicas.map((r) => r.endpoint), secrets.slackSigningSecret);
  await setUpWorkspace(slack, door, 10);
  const c0 = await commits();
  const r = await runCommandLoad(slack, door, { count: 300, brands: 10, concurrency: 24 });
  await new Promise((res) => setTimeout(res, 1500));
  console.log('cmd/s', r.commandsPerSecond.toFixed(1), 'commits/cmd', ((await commits() - c0) / 300).toFixed(1));
} finally {
  await stopReplicas(replicas);
  await slack.close();
  await database.drop();
}
