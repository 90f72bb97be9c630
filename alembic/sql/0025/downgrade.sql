-- Revision 0025 undone: photos not yet described stay without metadata (as an SQL channel's
-- always could); the reasons recorded for unreadable ones are dropped with their column.
DROP FUNCTION qlue_photos_waiting();
DROP FUNCTION qlue_photo_described(bigint, jsonb, text);
DROP FUNCTION qlue_photos_to_describe(integer);
DROP INDEX photos_to_describe_idx;
ALTER TABLE photos DROP COLUMN describe_error;
ALTER TABLE photos ALTER COLUMN data SET STORAGE EXTENDED;
