CREATE TABLE "meeting_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_name" text,
	"actor_user_id" uuid,
	"reason" text,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "outcome_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_history" ADD CONSTRAINT "meeting_history_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_history" ADD CONSTRAINT "meeting_history_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_history" ADD CONSTRAINT "meeting_history_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_history" ADD CONSTRAINT "meeting_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_history_meeting_idx" ON "meeting_history" USING btree ("client_id","meeting_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "meeting_history_lead_idx" ON "meeting_history" USING btree ("client_id","lead_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- Rows left inconsistent by replays that reset the status before outcomes were sticky: clear what no longer belongs.
UPDATE "meetings" SET "cancelled_at" = NULL, "cancellation_reason" = NULL WHERE "status" <> 'cancelled' AND ("cancelled_at" IS NOT NULL OR "cancellation_reason" IS NOT NULL);--> statement-breakpoint
UPDATE "meetings" SET "cancelled_at" = "updated_at" WHERE "status" = 'cancelled' AND "cancelled_at" IS NULL;--> statement-breakpoint
UPDATE "meetings" SET "no_show_reason" = NULL WHERE "status" <> 'no_show' AND "no_show_reason" IS NOT NULL;--> statement-breakpoint
UPDATE "meetings" SET "outcome_notes" = NULL WHERE "status" NOT IN ('completed', 'no_show') AND "outcome_notes" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_cancelled_fields" CHECK ("meetings"."status" = 'cancelled' or ("meetings"."cancelled_at" is null and "meetings"."cancellation_reason" is null));--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_cancelled_at_set" CHECK ("meetings"."status" <> 'cancelled' or "meetings"."cancelled_at" is not null);--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_no_show_fields" CHECK ("meetings"."status" = 'no_show' or "meetings"."no_show_reason" is null);--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_outcome_fields" CHECK ("meetings"."status" in ('completed', 'no_show') or ("meetings"."outcome_at" is null and "meetings"."outcome_notes" is null));