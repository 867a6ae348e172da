// Seeds one brand for the digest benchmark straight through SQL (INSERT ... SELECT
// generate_series in chunks), since going through the core one row at a time would take
// hours at 1M interactions. The brand is created under a "-seeding" slug and renamed when
// everything is in: a run killed half way is detected and started over.
import pg from 'pg';
import { reportProgress } from './figures.js';

export type DigestSeed = { brandId: number; reused: boolean };

export type SeedPlan = {
  interactions: number;
  /** The local day the digest is built for; history ends with it. */
  localDate: string;
  timezone: string;
};

const networks = ['instagram', 'facebook', 'x', 'tiktok', 'linkedin', 'youtube', 'threads', 'discord'];
const chunkRows = 50_000;

// [language][sentiment][variant]: what a community manager of a coffee brand reads all day.
const phrases = {
  en: {
    negative: ['My order arrived broken, terrible service', 'Worst coffee I ever had, I want a refund', 'Still waiting for an answer, awful', 'The app keeps crashing at checkout'],
    neutral: ['Do you ship to Canada?', 'What time does the Soho store open?', 'Is the oat milk option vegan?', 'Saw your new ad on the subway'],
    positive: ['Love the new seasonal blend!', 'Amazing service at the airport store, thanks', 'Best cold brew in town', 'Great packaging, so easy to recycle'],
  },
  es: {
    negative: ['El pedido llegó roto, pésimo servicio', 'Horrible, quiero un reembolso', 'Nadie responde, qué desastre', 'La app se cierra al pagar'],
    neutral: ['¿Hacen envíos a Chile?', '¿A qué hora abre la tienda del centro?', '¿Cuánto cuesta la suscripción?', 'Vi su anuncio en la tele'],
    positive: ['Me encanta la nueva mezcla', 'Gracias por la atención, excelente', 'El mejor café de la ciudad', 'Qué bonito el empaque nuevo'],
  },
  it: {
    negative: ['Ordine arrivato rotto, servizio pessimo', 'Che schifo, voglio il rimborso', 'Nessuno risponde, vergognoso', "L'app si blocca al pagamento"],
    neutral: ['Spedite anche in Svizzera?', 'A che ora apre il negozio in centro?', 'Quanto costa l\u2019abbonamento?', 'Ho visto la vostra pubblicità'],
    positive: ['Adoro la nuova miscela!', 'Grazie, servizio perfetto', 'Il miglior caffè della città', 'Confezione bellissima e riciclabile'],
  },
} as const;

function flatPhrases(): string[] {
  return (['en', 'es', 'it'] as const).flatMap((language) => (['negative', 'neutral', 'positive'] as const).flatMap((sentiment) => [...phrases[language][sentiment]]));
}

export function seedSlug(plan: SeedPlan): string {
  return `bench-digest-${plan.interactions}`;
}

async function removePartialSeed(client: pg.Client, slug: string): Promise<void> {
  const { rows } = await client.query<{ id: number }>('SELECT id FROM brands WHERE slug = $1', [`${slug}-seeding`]);
  const id = rows[0]?.id;
  if (id === undefined) return;
  process.stderr.write(`removing a half-seeded ${slug} from an interrupted run\n`);
  await client.query('DELETE FROM moderation_cases WHERE brand_id = $1', [id]);
  await client.query('DELETE FROM reports WHERE brand_id = $1', [id]);
  await client.query('DELETE FROM discord_guilds WHERE brand_id = $1', [id]);
  await client.query('DELETE FROM brands WHERE id = $1', [id]);
}

async function seedInteractions(client: pg.Client, brandId: number, plan: SeedPlan, historyStart: Date, historyEnd: Date): Promise<void> {
  const stepSeconds = (historyEnd.getTime() - historyStart.getTime()) / 1000 / plan.interactions;
  const started = performance.now();
  for (let lo = 1; lo <= plan.interactions; lo += chunkRows) {
    const hi = Math.min(plan.interactions, lo + chunkRows - 1);
    // Volatile random() in the inner select list is evaluated per row (never flattened).
    await client.query(
      `INSERT INTO interactions (brand_id, network, kind, author, text, sentiment, sentiment_score, crisis_risk, lead_stage,
                                 language, received_at, responded_at, created_at)
       SELECT $1, ($2::text[])[1 + floor(b * 8)::int]::network,
              (ARRAY['comment','comment','comment','dm','mention','review'])[1 + floor(c * 6)::int]::interaction_kind,
              '@fan' || (i % 40000), ($3::text[])[1 + lang * 12 + sent * 4 + floor(e * 4)::int] || ' #' || i,
              (ARRAY['negative','neutral','positive'])[1 + sent]::sentiment,
              CASE sent WHEN 0 THEN -0.3 - 0.7 * f WHEN 2 THEN 0.3 + 0.7 * f ELSE (f - 0.5) * 0.2 END,
              CASE sent WHEN 0 THEN f * 0.6 ELSE f * 0.05 END,
              CASE WHEN g < 0.03 THEN (ARRAY['new','qualified','handed_off','lost'])[1 + floor(h * 4)::int]::lead_stage END,
              (ARRAY['en','es','it'])[1 + lang], received,
              CASE WHEN g < 0.98 THEN received + exp(h * ln(1440)) * interval '1 minute' END, received
       FROM (
         SELECT i, b, c, e, f, g, h,
                CASE WHEN a < 0.22 THEN 0 WHEN a < 0.55 THEN 1 ELSE 2 END AS sent,
                CASE WHEN d < 0.5 THEN 0 WHEN d < 0.8 THEN 1 ELSE 2 END AS lang,
                $4::timestamptz + make_interval(secs => (i - 1 + random()) * $5) AS received
         FROM (SELECT i, random() a, random() b, random() c, random() d, random() e, random() f, random() g, random() h
               FROM generate_series($6::int, $7::int) i) raw
       ) r`,
      [brandId, networks, flatPhrases(), historyStart, stepSeconds, lo, hi],
    );
    reportProgress(`seeding ${plan.interactions.toLocaleString('en')} interactions`, hi, plan.interactions, started);
  }
}

async function seedMetrics(client: pg.Client, brandId: number, plan: SeedPlan): Promise<void> {
  // Three years of daily snapshots for each of 8 networks, slowly growing, weekly rhythm.
  await client.query(
    `INSERT INTO metric_snapshots (brand_id, network, date, followers, reach, impressions, engagements, clicks, shares, comments, likes, updated_at)
     SELECT $1, n.net::network, d::date, (4000 * n.k + day * (2 + n.k))::int, reach::int, (reach * 1.7)::int, (reach * 0.05)::int,
            (reach * 0.012)::int, (reach * 0.004)::int, (reach * 0.01)::int, (reach * 0.03)::int, now()
     FROM generate_series($2::date - 1094, $2::date, interval '1 day') AS d
     CROSS JOIN LATERAL (SELECT (d::date - ($2::date - 1094)) AS day) AS t
     CROSS JOIN unnest($3::text[]) WITH ORDINALITY AS n(net, k)
     CROSS JOIN LATERAL (SELECT (1500 * n.k + t.day * 3) * (1 + 0.25 * sin(extract(dow FROM d) + n.k)) + random() * 500 AS reach) AS r`,
    [brandId, plan.localDate, networks],
  );
}

async function seedGoals(client: pg.Client, brandId: number, plan: SeedPlan): Promise<void> {
  const metrics = ['followers', 'reach', 'impressions', 'engagements', 'engagement_rate', 'clicks', 'shares', 'leads', 'response_time', 'positive_sentiment'];
  const targets: Record<string, [number, number | null]> = {
    followers: [250_000, 180_000],
    reach: [20_000_000, null],
    impressions: [35_000_000, null],
    engagements: [1_000_000, null],
    engagement_rate: [5.5, 4.2],
    clicks: [250_000, null],
    shares: [80_000, null],
    leads: [9_000, null],
    response_time: [20, 45],
    positive_sentiment: [50, 42],
  };
  const values: unknown[] = [];
  const rows: string[] = [];
  for (let k = 0; k < 50; k++) {
    const metric = metrics[k % metrics.length]!;
    const [target, baseline] = targets[metric]!;
    const network = k % 3 === 0 ? null : networks[k % networks.length]!;
    // Goals started between one month and a year ago, for a quarter to a year.
    const startsAgo = 30 + ((k * 37) % 330);
    const length = 90 + ((k * 53) % 275);
    const p = values.length;
    rows.push(`($${p + 1}, $${p + 2}::network, $${p + 3}::goal_metric, $${p + 4}, $${p + 5}, $${p + 6}::date - $${p + 7}::int, $${p + 6}::date - $${p + 7}::int + $${p + 8}::int)`);
    values.push(brandId, network, metric, network ? target / 4 : target, baseline, plan.localDate, startsAgo, length);
  }
  await client.query(`INSERT INTO goals (brand_id, network, metric, target, baseline, starts_on, deadline) VALUES ${rows.join(', ')}`, values);
  await client.query(
    `INSERT INTO goals (brand_id, metric, target, starts_on, status, archived_at) SELECT $1, 'reach', 1, $2::date - 700 - i, 'archived', now() FROM generate_series(1, 30) i`,
    [brandId, plan.localDate],
  );
}

async function seedWork(client: pg.Client, brandId: number, plan: SeedPlan, dayStart: Date, historyStart: Date): Promise<void> {
  const guildId = `bench-guild-${plan.interactions}`;
  // A post every ~3 hours for a year (past ones published), then two weeks ahead to approve.
  await client.query(
    `INSERT INTO posts (brand_id, number, network, scheduled_at, copy, status, author_id, approvals_needed, version, created_at, updated_at)
     SELECT $1, i, ($2::text[])[1 + i % 8]::network, at, 'Post ' || i || ': new seasonal blend, link in bio',
            (CASE WHEN at < $3::timestamptz THEN (CASE i % 20 WHEN 0 THEN 'rejected' WHEN 1 THEN 'expired' ELSE 'published' END)
                  WHEN i % 3 = 0 THEN 'pending_approval' ELSE 'approved' END)::post_status,
            1, 1 + i % 2, 1, at - interval '3 days', now()
     FROM generate_series(1, 3000) i
     CROSS JOIN LATERAL (SELECT $4::timestamptz + (i - 1) * (($3::timestamptz + interval '14 days' - $4::timestamptz) / 3000) AS at) s`,
    [brandId, networks, dayStart, historyStart],
  );
  await client.query(
    `INSERT INTO escalations (brand_id, number, severity, status, summary, raised_via, created_at)
     SELECT $1, i, (ARRAY['sev1','sev2','sev3'])[1 + i % 3]::severity,
            (CASE WHEN i > 35 THEN 'open' WHEN i > 32 THEN 'acknowledged' ELSE 'resolved' END)::escalation_status,
            'Escalation ' || i, 'slack_button', $2::timestamptz + i * interval '9 days'
     FROM generate_series(1, 40) i`,
    [brandId, historyStart],
  );
  await client.query('INSERT INTO discord_guilds (guild_id, brand_id, updated_at) VALUES ($1, $2, now())', [guildId, brandId]);
  await client.query(
    `INSERT INTO moderation_cases (guild_id, number, brand_id, action, target_id, moderator_id, source, created_at)
     SELECT $1, i, $2, (ARRAY['warn','warn','warn','timeout','kick','ban','purge','note'])[1 + i % 8]::moderation_action,
            'user' || (i % 3000), 'mod' || (i % 7), (CASE WHEN i % 4 = 0 THEN 'automod' ELSE 'manual' END)::case_source,
            $3::timestamptz + i * interval '26 minutes'
     FROM generate_series(1, 20000) i`,
    [guildId, brandId, historyStart],
  );
  await client.query(
    `INSERT INTO reports (guild_id, brand_id, channel_id, message_id, author_id, reporter_id, content, status, created_at)
     SELECT $1, $2, 'chan', 'msg' || i, 'user' || (i % 500), 'user' || (i % 900), 'spam link',
            (CASE WHEN i % 50 = 0 THEN 'open' WHEN i % 2 = 0 THEN 'actioned' ELSE 'dismissed' END)::report_status,
            $3::timestamptz + i * interval '175 minutes'
     FROM generate_series(1, 3000) i`,
    [guildId, brandId, historyStart],
  );
}

/**
 * The brand seeded for `plan`, seeding it first if this database does not have it yet.
 * Ends with VACUUM ANALYZE: fresh planner statistics and visibility map, as a running
 * database has them from autovacuum.
 */
export async function ensureDigestSeed(url: string, plan: SeedPlan, bounds: { dayStart: Date; dayEnd: Date; historyStart: Date }): Promise<DigestSeed> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const slug = seedSlug(plan);
    const existing = await client.query<{ id: number }>('SELECT id FROM brands WHERE slug = $1', [slug]);
    if (existing.rows[0]) return { brandId: existing.rows[0].id, reused: true };
    await removePartialSeed(client, slug);
    const started = performance.now();
    const created = await client.query<{ id: number }>(`INSERT INTO brands (slug, name, settings, updated_at) VALUES ($1, $2, $3, now()) RETURNING id`, [
      `${slug}-seeding`,
      `Bench ${plan.interactions}`,
      JSON.stringify({ timezone: plan.timezone, slaMinutes: 60, language: 'en' }),
    ]);
    const brandId = created.rows[0]!.id;
    await seedInteractions(client, brandId, plan, bounds.historyStart, bounds.dayEnd);
    process.stderr.write('seeding metrics, goals, posts, escalations, moderation...\n');
    await seedMetrics(client, brandId, plan);
    await seedGoals(client, brandId, plan);
    await seedWork(client, brandId, plan, bounds.dayStart, bounds.historyStart);
    process.stderr.write('VACUUM ANALYZE...\n');
    await client.query('VACUUM ANALYZE');
    await client.query('UPDATE brands SET slug = $1 WHERE id = $2', [slug, brandId]);
    process.stderr.write(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return { brandId, reused: false };
  } finally {
    await client.end();
  }
}
