-- Revision 0001 downgrade: remove everything the upgrade created in this database. The group
-- roles are cluster-wide: they are dropped only when no other database still uses them.
DROP FUNCTION IF EXISTS reopen_report(bigint, text, text, bytea, jsonb);
DROP FUNCTION IF EXISTS submit_follow_up(bigint, text, text, bytea, jsonb, text);
DROP FUNCTION IF EXISTS submit_report(text, text, text, text, text, double precision, double precision, bytea, jsonb, timestamptz);
DROP FUNCTION IF EXISTS qlue_store_photo(bigint, text, bytea, jsonb);
DROP FUNCTION IF EXISTS qlue_due_at(timestamptz, integer, text);
DROP FUNCTION IF EXISTS qlue_resolve_kelurahan(double precision, double precision);
DROP FUNCTION IF EXISTS qlue_is_image(bytea);
DROP TABLE IF EXISTS follow_ups, mentions, events, photos, reports, holidays, routing_rules,
    categories, accounts, agencies, area_parts, areas CASCADE;
DROP FUNCTION IF EXISTS qlue_fail(text, text);
DROP FUNCTION IF EXISTS qlue_mentions_notify();
DROP FUNCTION IF EXISTS qlue_events_notify();
DROP FUNCTION IF EXISTS qlue_events_stamp();
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['qlue_channel', 'qlue_operator', 'qlue_supervisor', 'qlue_analyst', 'qlue_admin'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('REVOKE ALL ON SCHEMA public FROM %I', r);
                EXECUTE format('DROP ROLE %I', r);
            EXCEPTION WHEN dependent_objects_still_exist OR object_in_use THEN
                RAISE NOTICE 'role % is still used elsewhere in the cluster; kept', r;
            END;
        END IF;
    END LOOP;
END $$;
