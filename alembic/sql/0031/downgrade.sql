-- Revision 0031 down: the as-of reading of chronic spots is gone (0030's chronic_spots_at stays).
DROP FUNCTION chronic_spots_as_of(timestamptz);
