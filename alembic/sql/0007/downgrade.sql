-- Revision 0007 downgrade: the row-level security, the scopes and the user functions. The
-- logins themselves (cluster-wide roles) are kept; qlue_kota_scoped is dropped only when no
-- other database of the cluster still uses it.
DROP FUNCTION IF EXISTS qlue_whoami();
DROP FUNCTION IF EXISTS qlue_user_list();
DROP FUNCTION IF EXISTS qlue_user_set_role(text, text);
DROP FUNCTION IF EXISTS qlue_user_enable(text);
DROP FUNCTION IF EXISTS qlue_user_disable(text);
DROP FUNCTION IF EXISTS qlue_user_add(text, text, text, text, text, text);
DROP FUNCTION IF EXISTS qlue_user_set_scope(text, text);
DROP FUNCTION IF EXISTS qlue_end_sessions(text);
DROP FUNCTION IF EXISTS qlue_check_kota(text);
DROP FUNCTION IF EXISTS qlue_grant_group(text, text);
DROP FUNCTION IF EXISTS qlue_grant_one(text, text);
DROP FUNCTION IF EXISTS qlue_revoke_groups(text, text[]);
DROP FUNCTION IF EXISTS qlue_check_managed_login(text);
DROP FUNCTION IF EXISTS qlue_check_login_name(text);
DROP FUNCTION IF EXISTS qlue_role_of(name);
DROP FUNCTION IF EXISTS qlue_group_of(text);

DROP POLICY IF EXISTS reports_kota ON reports;
DROP POLICY IF EXISTS reports_all ON reports;
DROP POLICY IF EXISTS events_kota ON events;
DROP POLICY IF EXISTS events_all ON events;
DROP POLICY IF EXISTS photos_kota ON photos;
DROP POLICY IF EXISTS photos_all ON photos;
DROP POLICY IF EXISTS mentions_kota ON mentions;
DROP POLICY IF EXISTS mentions_all ON mentions;
DROP POLICY IF EXISTS follow_ups_kota ON follow_ups;
DROP POLICY IF EXISTS follow_ups_all ON follow_ups;
ALTER TABLE reports DISABLE ROW LEVEL SECURITY;
ALTER TABLE events DISABLE ROW LEVEL SECURITY;
ALTER TABLE photos DISABLE ROW LEVEL SECURITY;
ALTER TABLE mentions DISABLE ROW LEVEL SECURITY;
ALTER TABLE follow_ups DISABLE ROW LEVEL SECURITY;

DROP FUNCTION IF EXISTS qlue_scope_kota();
DROP TABLE IF EXISTS login_scopes;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qlue_kota_scoped') THEN
        BEGIN
            DROP ROLE qlue_kota_scoped;
        EXCEPTION WHEN dependent_objects_still_exist OR object_in_use THEN
            RAISE NOTICE 'role qlue_kota_scoped is still used elsewhere in the cluster; kept';
        END;
    END IF;
END $$;
