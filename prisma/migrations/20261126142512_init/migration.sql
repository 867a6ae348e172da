-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "platform" AS ENUM ('slack', 'discord', 'web');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'strategist', 'community_manager', 'viewer');

-- CreateEnum
CREATE TYPE "network" AS ENUM ('instagram', 'facebook', 'x', 'tiktok', 'linkedin', 'youtube', 'threads', 'discord', 'other');

-- CreateEnum
CREATE TYPE "goal_metric" AS ENUM ('followers', 'reach', 'impressions', 'engagements', 'engagement_rate', 'clicks', 'shares', 'leads', 'response_time', 'positive_sentiment');

-- CreateEnum
CREATE TYPE "goal_status" AS ENUM ('active', 'archived');

-- CreateEnum
CREATE TYPE "post_status" AS ENUM ('pending_approval', 'changes_requested', 'approved', 'rejected', 'expired', 'published');

-- CreateEnum
CREATE TYPE "approval_decision" AS ENUM ('approved', 'changes_requested', 'rejected');

-- CreateEnum
CREATE TYPE "interaction_kind" AS ENUM ('comment', 'dm', 'mention', 'review');

-- CreateEnum
CREATE TYPE "sentiment" AS ENUM ('positive', 'neutral', 'negative');

-- CreateEnum
CREATE TYPE "lead_stage" AS ENUM ('new', 'qualified', 'handed_off', 'lost');

-- CreateEnum
CREATE TYPE "severity" AS ENUM ('sev1', 'sev2', 'sev3');

-- CreateEnum
CREATE TYPE "escalation_status" AS ENUM ('open', 'acknowledged', 'resolved');

-- CreateEnum
CREATE TYPE "escalation_event_type" AS ENUM ('raised', 'paged', 'acknowledged', 'note', 'linked', 'resolved', 'frozen', 'unfrozen');

-- CreateEnum
CREATE TYPE "moderation_action" AS ENUM ('warn', 'timeout', 'untimeout', 'kick', 'ban', 'unban', 'purge', 'note', 'slowmode', 'lock', 'unlock');

-- CreateEnum
CREATE TYPE "case_source" AS ENUM ('manual', 'automod');

-- CreateEnum
CREATE TYPE "automod_rule_kind" AS ENUM ('invites', 'mass_mentions', 'banned_words', 'caps', 'flood', 'links');

-- CreateEnum
CREATE TYPE "report_status" AS ENUM ('open', 'actioned', 'dismissed');

-- CreateEnum
CREATE TYPE "digest_run_status" AS ENUM ('claimed', 'sent', 'failed');

-- CreateTable
CREATE TABLE "brands" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "frozen_at" TIMESTAMPTZ(3),
    "frozen_by_escalation_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "brands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bindings" (
    "id" SERIAL NOT NULL,
    "brand_id" INTEGER NOT NULL,
    "platform" "platform" NOT NULL,
    "scope" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bindings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people" (
    "id" SERIAL NOT NULL,
    "platform" "platform" NOT NULL,
    "external_id" TEXT NOT NULL,
    "display_name" TEXT,
    "locale" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" SERIAL NOT NULL,
    "brand_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "role" "role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goals" (
    "id" SERIAL NOT NULL,
    "brand_id" INTEGER NOT NULL,
    "network" "network",
    "metric" "goal_metric" NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "baseline" DOUBLE PRECISION,
    "starts_on" DATE NOT NULL,
    "deadline" DATE,
    "status" "goal_status" NOT NULL DEFAULT 'active',
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "goals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" SERIAL NOT NULL,
    "brand_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "objective" TEXT,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "budget" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "spend" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "posts" (
    "id" SERIAL NOT NULL,
    "brand_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "network" "network" NOT NULL,
    "scheduled_at" TIMESTAMPTZ(3) NOT NULL,
    "copy" TEXT NOT NULL,
    "campaign_id" INTEGER,
    "status" "post_status" NOT NULL DEFAULT 'pending_approval',
    "author_id" INTEGER NOT NULL,
    "approvals_needed" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "copy_check" JSONB,
    "nudged_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "post_approvals" (
    "id" SERIAL NOT NULL,
    "post_id" INTEGER NOT NULL,
    "decider_id" INTEGER NOT NULL,
    "decision" "approval_decision" NOT NULL,
    "comment" TEXT,
    "post_version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "post_approvals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_refs" (
    "id" SERIAL NOT NULL,
    "platform" "platform" NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" INTEGER NOT NULL,
    "channel_id" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_refs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "counters" (
    "scope" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "counters_pkey" PRIMARY KEY ("scope","name")
);

-- CreateTable
CREATE TABLE "interactions" (
    "id" SERIAL NOT NULL,
    "brand_id" INTEGER NOT NULL,
    "network" "network" NOT NULL,
    "kind" "interaction_kind" NOT NULL,
    "author" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "sentiment" "sentiment" NOT NULL DEFAULT 'neutral',
    "sentiment_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "crisis_risk" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "lead_stage" "lead_stage",
    "language" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "responded_at" TIMESTAMPTZ(3),
    "responded_by_id" INTEGER,
    "logged_by_id" INTEGER,
    "reply_draft" TEXT,
    "sla_alerted_at" TIMESTAMPTZ(3),
    "source_ref" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "interactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_snapshots" (
    "id" SERIAL NOT NULL,
    "brand_id" INTEGER NOT NULL,
    "network" "network" NOT NULL,
    "date" DATE NOT NULL,
    "followers" INTEGER,
    "reach" INTEGER,
    "impressions" INTEGER,
    "engagements" INTEGER,
    "clicks" INTEGER,
    "shares" INTEGER,
    "comments" INTEGER,
    "likes" INTEGER,
    "spend" DECIMAL(14,2),
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "metric_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalations" (
    "id" SERIAL NOT NULL,
    "brand_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "severity" "severity" NOT NULL,
    "status" "escalation_status" NOT NULL DEFAULT 'open',
    "summary" TEXT NOT NULL,
    "raised_by_id" INTEGER,
    "raised_via" TEXT NOT NULL,
    "acknowledged_by_id" INTEGER,
    "acknowledged_at" TIMESTAMPTZ(3),
    "resolved_by_id" INTEGER,
    "resolved_at" TIMESTAMPTZ(3),
    "resolution" TEXT,
    "alert_platform" "platform",
    "alert_channel_id" TEXT,
    "alert_message_id" TEXT,
    "origin_ref" JSONB,
    "next_page_at" TIMESTAMPTZ(3),
    "page_count" INTEGER NOT NULL DEFAULT 0,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escalations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalation_interactions" (
    "escalation_id" INTEGER NOT NULL,
    "interaction_id" INTEGER NOT NULL,
    "linked_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escalation_interactions_pkey" PRIMARY KEY ("escalation_id","interaction_id")
);

-- CreateTable
CREATE TABLE "escalation_events" (
    "id" SERIAL NOT NULL,
    "escalation_id" INTEGER NOT NULL,
    "type" "escalation_event_type" NOT NULL,
    "actor_id" INTEGER,
    "note" TEXT,
    "data" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escalation_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "discord_guilds" (
    "guild_id" TEXT NOT NULL,
    "brand_id" INTEGER,
    "mod_log_channel_id" TEXT,
    "reports_channel_id" TEXT,
    "digest_channel_id" TEXT,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "discord_guilds_pkey" PRIMARY KEY ("guild_id")
);

-- CreateTable
CREATE TABLE "discord_link_codes" (
    "code" TEXT NOT NULL,
    "brand_id" INTEGER NOT NULL,
    "created_by_id" INTEGER,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "used_by_guild_id" TEXT,

    CONSTRAINT "discord_link_codes_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "moderation_cases" (
    "id" SERIAL NOT NULL,
    "guild_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "brand_id" INTEGER,
    "action" "moderation_action" NOT NULL,
    "target_id" TEXT NOT NULL,
    "target_tag" TEXT,
    "moderator_id" TEXT NOT NULL,
    "moderator_tag" TEXT,
    "reason" TEXT,
    "duration_seconds" INTEGER,
    "source" "case_source" NOT NULL DEFAULT 'manual',
    "rule_kind" "automod_rule_kind",
    "dm_delivered" BOOLEAN,
    "mod_log_message_id" TEXT,
    "bridged_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "moderation_cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "automod_rules" (
    "id" SERIAL NOT NULL,
    "guild_id" TEXT NOT NULL,
    "kind" "automod_rule_kind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "config" JSONB NOT NULL DEFAULT '{}',
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "automod_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" SERIAL NOT NULL,
    "guild_id" TEXT NOT NULL,
    "brand_id" INTEGER,
    "channel_id" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "reporter_id" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" "report_status" NOT NULL DEFAULT 'open',
    "handled_by_id" TEXT,
    "handled_at" TIMESTAMPTZ(3),
    "resolution" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_runs" (
    "id" SERIAL NOT NULL,
    "brand_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'daily',
    "local_date" DATE NOT NULL,
    "status" "digest_run_status" NOT NULL DEFAULT 'claimed',
    "late" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimed_by" TEXT,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMPTZ(3),
    "next_attempt_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "channel_id" TEXT,
    "message_id" TEXT,
    "error" TEXT,

    CONSTRAINT "digest_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_leases" (
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "lease_until" TIMESTAMPTZ(3) NOT NULL,
    "last_run_at" TIMESTAMPTZ(3),

    CONSTRAINT "job_leases_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "brand_id" INTEGER,
    "actor_id" INTEGER,
    "actor_ref" TEXT,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "brands_slug_key" ON "brands"("slug");

-- CreateIndex
CREATE INDEX "bindings_brand_id_idx" ON "bindings"("brand_id");

-- CreateIndex
CREATE UNIQUE INDEX "bindings_platform_scope_external_id_key" ON "bindings"("platform", "scope", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "people_platform_external_id_key" ON "people"("platform", "external_id");

-- CreateIndex
CREATE INDEX "memberships_person_id_idx" ON "memberships"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_brand_id_person_id_key" ON "memberships"("brand_id", "person_id");

-- CreateIndex
CREATE INDEX "goals_brand_id_status_idx" ON "goals"("brand_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_brand_id_name_key" ON "campaigns"("brand_id", "name");

-- CreateIndex
CREATE INDEX "posts_brand_id_scheduled_at_idx" ON "posts"("brand_id", "scheduled_at");

-- CreateIndex
CREATE INDEX "posts_status_scheduled_at_idx" ON "posts"("status", "scheduled_at");

-- CreateIndex
CREATE UNIQUE INDEX "posts_brand_id_number_key" ON "posts"("brand_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "post_approvals_post_id_post_version_decider_id_key" ON "post_approvals"("post_id", "post_version", "decider_id");

-- CreateIndex
CREATE INDEX "message_refs_subject_type_subject_id_idx" ON "message_refs"("subject_type", "subject_id");

-- CreateIndex
CREATE UNIQUE INDEX "message_refs_platform_channel_id_message_id_key" ON "message_refs"("platform", "channel_id", "message_id");

-- CreateIndex
CREATE INDEX "interactions_brand_id_received_at_idx" ON "interactions"("brand_id", "received_at");

-- CreateIndex
CREATE INDEX "interactions_brand_id_responded_at_received_at_idx" ON "interactions"("brand_id", "responded_at", "received_at");

-- CreateIndex
CREATE INDEX "interactions_brand_id_lead_stage_idx" ON "interactions"("brand_id", "lead_stage");

-- CreateIndex
CREATE UNIQUE INDEX "interactions_brand_id_source_ref_key" ON "interactions"("brand_id", "source_ref");

-- CreateIndex
CREATE INDEX "metric_snapshots_brand_id_date_idx" ON "metric_snapshots"("brand_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "metric_snapshots_brand_id_network_date_key" ON "metric_snapshots"("brand_id", "network", "date");

-- CreateIndex
CREATE INDEX "escalations_brand_id_status_idx" ON "escalations"("brand_id", "status");

-- CreateIndex
CREATE INDEX "escalations_status_next_page_at_idx" ON "escalations"("status", "next_page_at");

-- CreateIndex
CREATE UNIQUE INDEX "escalations_brand_id_number_key" ON "escalations"("brand_id", "number");

-- CreateIndex
CREATE INDEX "escalation_interactions_interaction_id_idx" ON "escalation_interactions"("interaction_id");

-- CreateIndex
CREATE INDEX "escalation_events_escalation_id_created_at_idx" ON "escalation_events"("escalation_id", "created_at");

-- CreateIndex
CREATE INDEX "discord_guilds_brand_id_idx" ON "discord_guilds"("brand_id");

-- CreateIndex
CREATE INDEX "moderation_cases_guild_id_target_id_created_at_idx" ON "moderation_cases"("guild_id", "target_id", "created_at");

-- CreateIndex
CREATE INDEX "moderation_cases_brand_id_created_at_idx" ON "moderation_cases"("brand_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "moderation_cases_guild_id_number_key" ON "moderation_cases"("guild_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "automod_rules_guild_id_kind_key" ON "automod_rules"("guild_id", "kind");

-- CreateIndex
CREATE INDEX "reports_guild_id_created_at_idx" ON "reports"("guild_id", "created_at");

-- CreateIndex
CREATE INDEX "reports_brand_id_created_at_idx" ON "reports"("brand_id", "created_at");

-- CreateIndex
CREATE INDEX "digest_runs_status_next_attempt_at_idx" ON "digest_runs"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "digest_runs_brand_id_kind_local_date_key" ON "digest_runs"("brand_id", "kind", "local_date");

-- CreateIndex
CREATE INDEX "processed_events_received_at_idx" ON "processed_events"("received_at");

-- CreateIndex
CREATE INDEX "audit_log_brand_id_created_at_idx" ON "audit_log"("brand_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_subject_type_subject_id_idx" ON "audit_log"("subject_type", "subject_id");

-- AddForeignKey
ALTER TABLE "bindings" ADD CONSTRAINT "bindings_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goals" ADD CONSTRAINT "goals_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posts" ADD CONSTRAINT "posts_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posts" ADD CONSTRAINT "posts_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_approvals" ADD CONSTRAINT "post_approvals_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_snapshots" ADD CONSTRAINT "metric_snapshots_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_interactions" ADD CONSTRAINT "escalation_interactions_escalation_id_fkey" FOREIGN KEY ("escalation_id") REFERENCES "escalations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_interactions" ADD CONSTRAINT "escalation_interactions_interaction_id_fkey" FOREIGN KEY ("interaction_id") REFERENCES "interactions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_events" ADD CONSTRAINT "escalation_events_escalation_id_fkey" FOREIGN KEY ("escalation_id") REFERENCES "escalations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discord_guilds" ADD CONSTRAINT "discord_guilds_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discord_link_codes" ADD CONSTRAINT "discord_link_codes_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_runs" ADD CONSTRAINT "digest_runs_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;
