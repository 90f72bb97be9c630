-- Revision 0026: message templates, and replies to the citizen.
--
-- * message_templates: the texts an operator starts from, per purpose ('dispatch': the
--   message to the officials, 'rejection': the note of a rejection, 'reply': a public reply to
--   the citizen), optionally per category, per state and (rejections) per reason, each in
--   Bahasa Indonesia and English. Placeholders in braces: {kelurahan}, {due}, {report},
--   {official}, {category}; any other is refused. Every console reads them; only an admin
--   writes them, through save_message_template and delete_message_template (a stale version is
--   refused with QC001, as for reports).
-- * The event kind 'reply': a public update of the report, written by reply_to_citizen (payload
--   text, lang). A 'comment' stays internal; a reply is what the citizen's channel reads
--   (channel_replies) and what the Open311 gateway shows as a note.
--
-- Errors as in 0002: 22023 bad input (DETAIL: the field), QC001 changed since, 42501 not allowed.

ALTER TABLE events DROP CONSTRAINT events_kind_check;
ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind IN ('created', 'triaged', 'claimed', 'released', 'categorised', 'prioritised', 'dispatched', 'mentioned', 'forwarded', 'escalated', 'comment', 'follow_up', 'proof_approved', 'proof_rejected', 'reopened', 'merged', 'rejected', 'closed', 'undone', 'reply'));

-- The first placeholder of a text that is not one of the known ones (NULL: all are known).
CREATE FUNCTION qlue_template_unknown_placeholder(p_body text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT m[1] FROM regexp_matches(coalesce(p_body, ''), '\{([^{}]*)\}', 'g') AS m
     WHERE m[1] NOT IN ('kelurahan', 'due', 'report', 'official', 'category')
     LIMIT 1
$$;

CREATE TABLE message_templates (
    id            bigserial PRIMARY KEY,
    purpose       text NOT NULL CHECK (purpose IN ('dispatch', 'rejection', 'reply')),
    category_code text REFERENCES categories (code) ON DELETE CASCADE,  -- NULL: every category
    status        text CHECK (status IN ('new', 'triaged', 'dispatched', 'coordination', 'disposition',
                                         'followed_up', 'verified', 'reopened', 'rejected', 'duplicate')),
    reason_code   text CHECK (reason_code IN ('spam', 'out_of_scope', 'incomplete', 'outside_dki', 'other')),
    title         text NOT NULL CHECK (NOT qlue_is_blank(title) AND length(title) <= 120),
    body_id       text NOT NULL CHECK (NOT qlue_is_blank(body_id) AND length(body_id) <= 2000),
    body_en       text NOT NULL CHECK (NOT qlue_is_blank(body_en) AND length(body_en) <= 2000),
    position      integer NOT NULL DEFAULT 0,
    version       integer NOT NULL DEFAULT 1,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    text NOT NULL DEFAULT session_user,
    CHECK (reason_code IS NULL OR purpose = 'rejection'),
    CHECK (qlue_template_unknown_placeholder(body_id) IS NULL
           AND qlue_template_unknown_placeholder(body_en) IS NULL)
);
CREATE UNIQUE INDEX message_templates_title_idx ON message_templates (purpose, lower(title));
COMMENT ON TABLE message_templates IS
    'Texts the console inserts in the dispatch composer, the rejection note and the reply to the '
    'citizen, per purpose, category, state and reason, in Indonesian and English. Admins write.';

GRANT SELECT ON message_templates TO qlue_operator, qlue_analyst;
GRANT ALL ON message_templates TO qlue_admin;
GRANT ALL ON SEQUENCE message_templates_id_seq TO qlue_admin;

-- Adds a template (p_id NULL) or changes one at the version read (p_version); returns its id.
CREATE FUNCTION save_message_template(
    p_id bigint, p_version integer, p_purpose text, p_category text, p_status text, p_reason text,
    p_title text, p_body_id text, p_body_en text, p_position integer DEFAULT 0)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v_id bigint;
    v_unknown text;
    v_row message_templates;
BEGIN
    IF p_purpose IS NULL OR p_purpose NOT IN ('dispatch', 'rejection', 'reply') THEN
        PERFORM qlue_fail('purpose', format('unknown purpose %L: dispatch, rejection or reply', p_purpose));
    END IF;
    IF p_category IS NOT NULL AND NOT EXISTS (SELECT 1 FROM categories WHERE code = p_category) THEN
        PERFORM qlue_fail('category', format('unknown category %L', p_category));
    END IF;
    IF p_status IS NOT NULL AND p_status NOT IN ('new', 'triaged', 'dispatched', 'coordination', 'disposition',
                                                 'followed_up', 'verified', 'reopened', 'rejected', 'duplicate') THEN
        PERFORM qlue_fail('status', format('unknown state %L', p_status));
    END IF;
    IF p_reason IS NOT NULL AND p_purpose <> 'rejection' THEN
        PERFORM qlue_fail('reason', 'only a rejection template has a reason');
    END IF;
    IF p_reason IS NOT NULL AND p_reason NOT IN ('spam', 'out_of_scope', 'incomplete', 'outside_dki', 'other') THEN
        PERFORM qlue_fail('reason', format('unknown reason %L', p_reason));
    END IF;
    IF qlue_is_blank(p_title) THEN
        PERFORM qlue_fail('title', 'the template has no title');
    END IF;
    IF length(p_title) > 120 THEN
        PERFORM qlue_fail('title', 'the title is longer than 120 characters');
    END IF;
    IF qlue_is_blank(p_body_id) THEN
        PERFORM qlue_fail('body_id', 'the Indonesian text is empty');
    END IF;
    IF qlue_is_blank(p_body_en) THEN
        PERFORM qlue_fail('body_en', 'the English text is empty');
    END IF;
    IF length(p_body_id) > 2000 OR length(p_body_en) > 2000 THEN
        PERFORM qlue_fail(CASE WHEN length(p_body_id) > 2000 THEN 'body_id' ELSE 'body_en' END,
                          'a template text is longer than 2000 characters');
    END IF;
    v_unknown := coalesce(qlue_template_unknown_placeholder(p_body_id), qlue_template_unknown_placeholder(p_body_en));
    IF v_unknown IS NOT NULL THEN
        PERFORM qlue_fail(CASE WHEN qlue_template_unknown_placeholder(p_body_id) IS NOT NULL THEN 'body_id' ELSE 'body_en' END,
                          format('unknown placeholder {%s}: use {kelurahan}, {due}, {report}, {official} or {category}', v_unknown));
    END IF;
    IF EXISTS (SELECT 1 FROM message_templates
                WHERE purpose = p_purpose AND lower(title) = lower(qlue_trim(p_title))
                  AND id IS DISTINCT FROM p_id) THEN
        PERFORM qlue_fail('title', format('another %s template is already called %L', p_purpose, qlue_trim(p_title)));
    END IF;
    IF p_id IS NULL THEN
        INSERT INTO message_templates (purpose, category_code, status, reason_code, title, body_id, body_en, position)
        VALUES (p_purpose, p_category, p_status, p_reason, qlue_trim(p_title), p_body_id, p_body_en, coalesce(p_position, 0))
        RETURNING id INTO v_id;
        RETURN v_id;
    END IF;
    SELECT * INTO v_row FROM message_templates WHERE id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('id', format('unknown template %s (removed meanwhile?)', p_id));
    END IF;
    IF v_row.version IS DISTINCT FROM p_version THEN
        RAISE EXCEPTION USING ERRCODE = 'QC001',
            MESSAGE = format('template %L was changed by %s since you opened it', v_row.title, v_row.updated_by),
            DETAIL = jsonb_build_object('actor', v_row.updated_by, 'at', v_row.updated_at, 'kind', 'template')::text;
    END IF;
    UPDATE message_templates
       SET purpose = p_purpose, category_code = p_category, status = p_status, reason_code = p_reason,
           title = qlue_trim(p_title), body_id = p_body_id, body_en = p_body_en,
           position = coalesce(p_position, 0), version = version + 1, updated_at = now(),
           updated_by = session_user
     WHERE id = p_id;
    RETURN p_id;
END $$;

-- Removes a template; false when it was already gone.
CREATE FUNCTION delete_message_template(p_id bigint) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM message_templates WHERE id = p_id;
    RETURN FOUND;
END $$;

-- A public reply to the citizen on the report's timeline; returns the event's id.
CREATE FUNCTION reply_to_citizen(p_report bigint, p_text text, p_lang text DEFAULT 'id') RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE v_id bigint;
BEGIN
    IF qlue_is_blank(p_text) THEN
        PERFORM qlue_fail('text', 'the reply is empty');
    END IF;
    IF length(p_text) > 2000 THEN
        PERFORM qlue_fail('text', 'the reply is longer than 2000 characters');
    END IF;
    IF p_lang IS NULL OR p_lang NOT IN ('id', 'en') THEN
        PERFORM qlue_fail('lang', format('unknown language %L: id or en', p_lang));
    END IF;
    IF NOT EXISTS (SELECT 1 FROM reports WHERE id = p_report) THEN
        PERFORM qlue_fail('report', format('unknown report %s', p_report));
    END IF;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (p_report, qlue_actor(), 'reply', jsonb_build_object('text', qlue_trim(p_text), 'lang', p_lang))
    RETURNING id INTO v_id;
    RETURN v_id;
END $$;

-- The replies to the reports a citizen channel submitted (its login made their 'created'
-- event; a gateway acting as the channel counts as the channel), after event p_after, oldest
-- first: a channel polls with the last event_id it has seen. Internal comments never appear.
CREATE FUNCTION channel_replies(p_after bigint DEFAULT 0, p_limit integer DEFAULT 500)
RETURNS TABLE (event_id bigint, report_id bigint, external_id text, at timestamptz, text text, lang text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_role text := current_setting('role', true);
    v_login text := session_user;
BEGIN
    IF v_role IS NOT NULL AND v_role <> 'none' AND v_role <> session_user::text
       AND pg_has_role(session_user, 'qlue_gateway', 'MEMBER')
       AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_role)
       AND pg_has_role('qlue_gateway', v_role, 'MEMBER') THEN
        v_login := v_role;
    END IF;
    IF NOT pg_has_role(v_login, 'qlue_channel', 'MEMBER') THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('%s is not a citizen channel: channel_replies answers channels only', v_login);
    END IF;
    IF p_limit IS NULL OR p_limit < 1 OR p_limit > 1000 THEN
        PERFORM qlue_fail('limit', 'the limit is 1 to 1000');
    END IF;
    RETURN QUERY
        SELECT e.id, e.report_id, r.external_id, e.at, e.payload->>'text', e.payload->>'lang'
          FROM events e JOIN reports r ON r.id = e.report_id
         WHERE e.kind = 'reply' AND e.id > coalesce(p_after, 0)
           AND EXISTS (SELECT 1 FROM events c
                        WHERE c.report_id = e.report_id AND c.kind = 'created' AND c.actor_login = v_login)
         ORDER BY e.id
         LIMIT p_limit;
END $$;

REVOKE ALL ON FUNCTION qlue_template_unknown_placeholder(text),
    save_message_template(bigint, integer, text, text, text, text, text, text, text, integer),
    delete_message_template(bigint), reply_to_citizen(bigint, text, text),
    channel_replies(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_template_unknown_placeholder(text) TO qlue_operator, qlue_analyst, qlue_admin;
GRANT EXECUTE ON FUNCTION save_message_template(bigint, integer, text, text, text, text, text, text, text, integer),
    delete_message_template(bigint) TO qlue_admin;
GRANT EXECUTE ON FUNCTION reply_to_citizen(bigint, text, text) TO qlue_operator, qlue_admin;
GRANT EXECUTE ON FUNCTION channel_replies(bigint, integer) TO qlue_channel, qlue_gateway;
-- reply_to_citizen is the operators' first function to refuse blank text the 0010 way.
GRANT EXECUTE ON FUNCTION qlue_trim(text), qlue_is_blank(text) TO qlue_operator;
