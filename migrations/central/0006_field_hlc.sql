-- Per-field timestamps for mutable rows, beside the row's _hlc: {"column": hlc, ...} with "*"
-- standing for every column not named (the insert's hlc). An update that lands on a field stamped
-- later than itself overwrote a newer change there and becomes a conflict record; one changing
-- other fields of the same row overwrote nothing. Values still follow commit order. Rows written
-- before this migration have '{}' and fall back to the row's _hlc until their next update.
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c
           WHERE c.table_schema = 'public' AND c.column_name = '_hlc' ORDER BY c.table_name
  LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN _field_hlc jsonb NOT NULL DEFAULT ''{}''::jsonb', t);
  END LOOP;
END $$;
