-- CreateIndex
CREATE INDEX "interactions_brand_id_lead_stage_network_received_at_idx" ON "interactions"("brand_id", "lead_stage", "network", "received_at");
