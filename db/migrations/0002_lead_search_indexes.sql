CREATE INDEX "leads_client_name_idx" ON "leads" USING btree ("client_id",lower("first_name" || ' ' || coalesce("last_name", '')),"id");--> statement-breakpoint
CREATE INDEX "leads_name_trgm_idx" ON "leads" USING gin (lower("first_name" || ' ' || coalesce("last_name", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "leads_email_trgm_idx" ON "leads" USING gin (lower("email") gin_trgm_ops);