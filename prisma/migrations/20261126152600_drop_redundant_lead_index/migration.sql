-- DropIndex
DROP INDEX "interactions_brand_id_lead_stage_idx";
