import { defineConfig } from "drizzle-kit";

// Migrations are generated from the one schema and committed; they run on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./lib/db/migrations",
});
