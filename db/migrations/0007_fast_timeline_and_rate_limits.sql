DROP INDEX "meetings_lead_timeline_idx";--> statement-breakpoint
CREATE INDEX "meetings_lead_timeline_idx" ON "meetings" USING btree ("client_id","lead_id","starts_at" DESC NULLS LAST,"created_at" DESC NULLS LAST,"id","status","ends_at");--> statement-breakpoint
-- Rate-limit buckets are throwaway state written on every API request: unlogged, their commits do not wait
-- for a WAL flush. A crash of PostgreSQL empties them (every caller starts with a full burst) and standbys do
-- not have them.
ALTER TABLE "rate_limits" SET UNLOGGED;
