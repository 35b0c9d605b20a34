-- drizzle-kit wrote the unique constraints after the foreign keys that need them; they come first here.
ALTER TABLE "leads" ADD CONSTRAINT "leads_id_client_id_unique" UNIQUE("id","client_id");
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_id_client_id_unique" UNIQUE("id","client_id");
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_id_client_id_unique" UNIQUE("id","client_id");
--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_id_client_id_unique" UNIQUE("id","client_id");
--> statement-breakpoint
ALTER TABLE "meeting_history" DROP CONSTRAINT "meeting_history_meeting_id_meetings_id_fk";
--> statement-breakpoint
ALTER TABLE "meeting_history" DROP CONSTRAINT "meeting_history_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "meetings_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "webhook_attempts" DROP CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk";
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk";
--> statement-breakpoint
ALTER TABLE "meeting_history" ADD CONSTRAINT "meeting_history_meeting_fk" FOREIGN KEY ("meeting_id","client_id") REFERENCES "public"."meetings"("id","client_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "meeting_history" ADD CONSTRAINT "meeting_history_lead_fk" FOREIGN KEY ("lead_id","client_id") REFERENCES "public"."leads"("id","client_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_lead_fk" FOREIGN KEY ("lead_id","client_id") REFERENCES "public"."leads"("id","client_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_fk" FOREIGN KEY ("delivery_id","client_id") REFERENCES "public"."webhook_deliveries"("id","client_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_fk" FOREIGN KEY ("endpoint_id","client_id") REFERENCES "public"."webhook_endpoints"("id","client_id") ON DELETE cascade ON UPDATE no action;
