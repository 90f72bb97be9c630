-- Revision 0015 down: the keys, the refusals and their functions go. The channel logins
-- (cluster-wide roles) are kept, like every login; qlue_gateway is dropped (and with it the
-- memberships granted to it) unless another database of the cluster still uses it.
-- Events are stamped with the session's login again, as revision 0001 made them.
CREATE OR REPLACE FUNCTION qlue_events_stamp() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.actor_login := session_user;
    RETURN NEW;
END $$;

DROP FUNCTION IF EXISTS qlue_channel_list();
DROP FUNCTION IF EXISTS qlue_channel_revoke(text);
DROP FUNCTION IF EXISTS qlue_channel_add(text, text);
DROP FUNCTION IF EXISTS qlue_channel_refusal(text, text);
DROP FUNCTION IF EXISTS qlue_channel_key_check(text);
DROP TABLE IF EXISTS channel_refusals;
DROP TABLE IF EXISTS channel_keys;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qlue_gateway') THEN
        BEGIN
            DROP ROLE qlue_gateway;
        EXCEPTION WHEN dependent_objects_still_exist OR object_in_use THEN
            RAISE NOTICE 'role qlue_gateway is still used elsewhere in the cluster; kept';
        END;
    END IF;
END $$;
