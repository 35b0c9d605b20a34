// `npm run db:migrate`: apply the committed migrations to DATABASE_URL or the embedded database.
import { openDatabase } from "@/db/client";
import { DatabaseInUseError } from "@/db/lock";

openDatabase({ holder: "npm run db:migrate" })
  .then(async (connection) => {
    await connection.close();
    console.log(`Migrations applied (${connection.driver}).`);
  })
  .catch((error) => {
    console.error(error instanceof DatabaseInUseError ? error.message : error);
    process.exit(1);
  });
