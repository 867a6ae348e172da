import { readFileSync } from 'node:fs';
import { startFakeSlackApi } from './test/fakes/slack.js';
import { runCommandLoad, setUpWorkspace, workspaceChannel } from './test/scaleout/cluster/commandLoad.js';
import { createSlackFrontDoor } from './test/scaleout/cluster/frontDoor.js';
import { startReplicas, stopReplicas } from './test/scaleout/cluster/replicas.js';
import { createScratchDatabase } from './test/scaleout/cluster/scratchDatabase.js';
import { makeSecrets } from './test/scaleout/cluster/secrets.js';
const n = Number(process.argv[2] ?? 1);
const conc = Number(process.argv[3] ?? 8);
const secrets = makeSecrets();
const database = await createScratchDatabase('postgresql://postgres@127.0.0.1:5432/test', 'dbg');
const slack = await startFakeSlackApi({ acceptedTokens: [secrets.slackBotToken], channels: [{ id: workspaceChannel, name: 'social' }] });
const replicas = await startReplicas({ databaseUrl: database.url, slackApiUrl: slack.apiUrl, secrets }, n);
const cpu = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
try {
  const door = createSlackFrontDoor(replicas.map((r) => r.endpoint), secrets.slackSigningSecret);
  await setUpWorkspace(slack, door);
  const c0 = replicas.map((r) => cpu(r.child.pid!)); const t0 = process.cpuUsage();
  const r = await runCommandLoad(slack, door, { count: 300, concurrency: conc });
  const t1 = process.cpuUsage(t0);
  console.log(r.seconds.toFixed(1), r.commandsPerSecond.toFixed(1), 'replica cpu', replicas.map((rep, i) => (cpu(rep.child.pid!) - c0[i]!).toFixed(1)), 'test cpu', ((t1.user + t1.system) / 1e6).toFixed(1));
  const fails = slack.responses.filter((x) => String(x.body.text).startsWith('Something')).length;
  console.log('fails', fails);
} finally {
  await stopReplicas(replicas);
  await slack.close();
  await database.drop();
}
