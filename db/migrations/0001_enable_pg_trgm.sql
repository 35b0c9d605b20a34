-- Trigram indexes make the dashboard's substring search on lead names and emails index-backed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
