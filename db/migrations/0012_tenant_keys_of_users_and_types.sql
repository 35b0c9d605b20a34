-- Hosts, meeting types, session users and history actors become composite tenant keys, as 0010 made the
-- others. Edited by hand: the unique constraints come before the keys that need them; a reference to
-- another client's row (none should exist: the service layer never writes one) is cleared rather than
-- failing the migration; and SET NULL names its column, so a deleted user or type never nulls client_id.
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_id_client_id_unique" UNIQUE("id","client_id");
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_id_client_id_unique" UNIQUE("id","client_id");
--> statement-breakpoint
ALTER TABLE "meeting_history" DROP CONSTRAINT "meeting_history_actor_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "meetings_host_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "meetings_meeting_type_id_meeting_types_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_id_users_id_fk";
--> statement-breakpoint
UPDATE "meeting_history" h SET "actor_user_id" = NULL
  WHERE "actor_user_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "users" u WHERE u."id" = h."actor_user_id" AND u."client_id" = h."client_id");
--> statement-breakpoint
UPDATE "meetings" m SET "host_user_id" = NULL
  WHERE "host_user_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "users" u WHERE u."id" = m."host_user_id" AND u."client_id" = m."client_id");
--> statement-breakpoint
UPDATE "meetings" m SET "meeting_type_id" = NULL
  WHERE "meeting_type_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "meeting_types" t WHERE t."id" = m."meeting_type_id" AND t."client_id" = m."client_id");
--> statement-breakpoint
DELETE FROM "sessions" s WHERE NOT EXISTS (SELECT 1 FROM "users" u WHERE u."id" = s."user_id" AND u."client_id" = s."client_id");
--> statement-breakpoint
ALTER TABLE "meeting_history" ADD CONSTRAINT "meeting_history_actor_fk" FOREIGN KEY ("actor_user_id","client_id") REFERENCES "public"."users"("id","client_id") ON DELETE SET NULL ("actor_user_id") ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_host_fk" FOREIGN KEY ("host_user_id","client_id") REFERENCES "public"."users"("id","client_id") ON DELETE SET NULL ("host_user_id") ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_meeting_type_fk" FOREIGN KEY ("meeting_type_id","client_id") REFERENCES "public"."meeting_types"("id","client_id") ON DELETE SET NULL ("meeting_type_id") ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_fk" FOREIGN KEY ("user_id","client_id") REFERENCES "public"."users"("id","client_id") ON DELETE cascade ON UPDATE no action;
