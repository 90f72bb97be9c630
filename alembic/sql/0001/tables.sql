-- Revision 0001: the tables of the central database.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE areas (
    code            text PRIMARY KEY,
    level           text NOT NULL CHECK (level IN ('provinsi', 'kota', 'kecamatan', 'kelurahan')),
    name            text NOT NULL,
    parent_code     text REFERENCES areas(code),
    bps_code        text,
    centroid_lat    double precision,
    centroid_lon    double precision,
    boundary        jsonb
);
CREATE INDEX areas_parent_idx ON areas (parent_code);
CREATE INDEX areas_level_idx ON areas (level, name);

CREATE TABLE area_parts (
    id              serial PRIMARY KEY,
    area_code       text NOT NULL REFERENCES areas(code) ON DELETE CASCADE,
    shape           polygon NOT NULL
);
CREATE INDEX area_parts_shape_idx ON area_parts USING gist (shape);

CREATE TABLE agencies (
    code            text PRIMARY KEY,
    name            text NOT NULL,
    short_name      text NOT NULL
);

CREATE TABLE accounts (
    id              serial PRIMARY KEY,
    handle          text NOT NULL CHECK (handle ~ '^[[:alnum:]._-]+$'),
    display_name    text NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('lurah', 'camat', 'walikota', 'agency', 'field_officer', 'operator', 'supervisor', 'analyst', 'external', 'admin')),
    area_code       text REFERENCES areas(code),
    agency_code     text REFERENCES agencies(code),
    is_head         boolean NOT NULL DEFAULT false,
    login           text UNIQUE,
    citizen_handles text[] NOT NULL DEFAULT '{}',
    active          boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_handle_key ON accounts (lower(handle));
CREATE INDEX accounts_area_idx ON accounts (area_code, kind);
CREATE INDEX accounts_agency_idx ON accounts (agency_code, kind);
CREATE INDEX accounts_citizen_handles_idx ON accounts USING gin (citizen_handles);

CREATE TABLE categories (
    code            text PRIMARY KEY,
    name_id         text NOT NULL,
    name_en         text NOT NULL,
    agency_code     text REFERENCES agencies(code),
    sla_hours       integer NOT NULL CHECK (sla_hours > 0),
    sla_mode        text NOT NULL DEFAULT 'calendar' CHECK (sla_mode IN ('calendar', 'working')),
    weight          real NOT NULL DEFAULT 1 CHECK (weight > 0),
    active          boolean NOT NULL DEFAULT true
);

CREATE TABLE routing_rules (
    id              serial PRIMARY KEY,
    category_code   text REFERENCES categories(code) ON DELETE CASCADE,
    area_level      text NOT NULL CHECK (area_level IN ('kelurahan', 'kecamatan', 'kota', 'agency')),
    account_kind    text NOT NULL CHECK (account_kind IN ('lurah', 'camat', 'walikota', 'agency', 'field_officer', 'operator', 'supervisor', 'analyst', 'external', 'admin')),
    position        smallint NOT NULL DEFAULT 0,
    UNIQUE (category_code, area_level, account_kind)
);

CREATE TABLE holidays (
    day             date PRIMARY KEY,
    name_id         text NOT NULL,
    name_en         text NOT NULL
);

CREATE TABLE reports (
    id                  bigserial PRIMARY KEY,
    channel             text NOT NULL CHECK (channel IN ('app', 'web', 'sms', 'social', 'call_center')),
    external_id         text NOT NULL,
    citizen_handle      text NOT NULL,
    text                text NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
    category_code       text NOT NULL REFERENCES categories(code),
    lat                 double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon                 double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    kelurahan_code      text REFERENCES areas(code),
    kecamatan_code      text REFERENCES areas(code),
    kota_code           text REFERENCES areas(code),
    outside_jurisdiction boolean NOT NULL DEFAULT false,
    status              text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'triaged', 'dispatched', 'coordination', 'disposition', 'followed_up', 'verified', 'reopened', 'rejected', 'duplicate')),
    priority            smallint NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 3),
    reported_at         timestamptz NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    triaged_at          timestamptz,
    dispatched_at       timestamptz,
    followed_up_at      timestamptz,
    closed_at           timestamptz,
    due_at              timestamptz,
    duplicate_of        bigint REFERENCES reports(id),
    followers           text[] NOT NULL DEFAULT '{}',
    claimed_by          text,
    claim_expires_at    timestamptz,
    reject_reason       text,
    version             integer NOT NULL DEFAULT 1,
    UNIQUE (channel, external_id)
);
-- The working queue: open reports by priority then age (keyset order).
CREATE INDEX reports_queue_idx ON reports (status, priority DESC, created_at, id);
CREATE INDEX reports_created_idx ON reports (created_at DESC, id DESC);
CREATE INDEX reports_kelurahan_idx ON reports (kelurahan_code, created_at);
CREATE INDEX reports_kecamatan_idx ON reports (kecamatan_code, created_at);
CREATE INDEX reports_kota_idx ON reports (kota_code, created_at);
CREATE INDEX reports_category_idx ON reports (category_code, created_at);
CREATE INDEX reports_citizen_idx ON reports (citizen_handle, created_at);
CREATE INDEX reports_text_trgm_idx ON reports USING gin (text gin_trgm_ops);
-- The map draws every report that is still open.
CREATE INDEX reports_open_map_idx ON reports (id) INCLUDE (lat, lon, status, priority, due_at)
    WHERE status NOT IN ('verified', 'rejected', 'duplicate');

CREATE TABLE photos (
    id              bigserial PRIMARY KEY,
    report_id       bigint REFERENCES reports(id) ON DELETE CASCADE,
    follow_up_id    bigint,
    kind            text NOT NULL CHECK (kind IN ('report', 'proof')),
    data            bytea,
    url             text,
    mime            text,
    sha256          text,
    phash           bigint,
    phash_b0        integer GENERATED ALWAYS AS (((phash >> 48) & 65535)::integer) STORED,
    phash_b1        integer GENERATED ALWAYS AS (((phash >> 32) & 65535)::integer) STORED,
    phash_b2        integer GENERATED ALWAYS AS (((phash >> 16) & 65535)::integer) STORED,
    phash_b3        integer GENERATED ALWAYS AS ((phash & 65535)::integer) STORED,
    width           integer,
    height          integer,
    exif            jsonb,
    taken_at        timestamptz,
    gps_lat         double precision,
    gps_lon         double precision,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX photos_report_idx ON photos (report_id, kind);
CREATE INDEX photos_sha256_idx ON photos (sha256);
CREATE INDEX photos_b0_idx ON photos (phash_b0);
CREATE INDEX photos_b1_idx ON photos (phash_b1);
CREATE INDEX photos_b2_idx ON photos (phash_b2);
CREATE INDEX photos_b3_idx ON photos (phash_b3);

CREATE TABLE events (
    id              bigserial PRIMARY KEY,
    report_id       bigint NOT NULL REFERENCES reports(id),
    at              timestamptz NOT NULL DEFAULT now(),
    actor           text NOT NULL,
    actor_login     text NOT NULL DEFAULT session_user,
    kind            text NOT NULL CHECK (kind IN ('created', 'triaged', 'claimed', 'released', 'categorised', 'prioritised', 'dispatched', 'mentioned', 'forwarded', 'escalated', 'comment', 'follow_up', 'proof_approved', 'proof_rejected', 'reopened', 'merged', 'rejected', 'closed')),
    payload         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX events_report_idx ON events (report_id, id);
CREATE INDEX events_kind_at_idx ON events (kind, at);
CREATE INDEX events_at_idx ON events (at);

CREATE TABLE mentions (
    id              bigserial PRIMARY KEY,
    report_id       bigint NOT NULL REFERENCES reports(id),
    account_id      integer NOT NULL REFERENCES accounts(id),
    event_id        bigint REFERENCES events(id),
    mentioned_at    timestamptz NOT NULL DEFAULT now(),
    due_at          timestamptz NOT NULL,
    acknowledged_at timestamptz,
    resolved_at     timestamptz,
    state           text NOT NULL DEFAULT 'open'
                    CHECK (state IN ('open', 'resolved', 'forwarded', 'escalated', 'closed'))
);
CREATE UNIQUE INDEX mentions_open_once_idx ON mentions (report_id, account_id) WHERE state = 'open';
CREATE INDEX mentions_account_idx ON mentions (account_id, state, due_at);
CREATE INDEX mentions_due_idx ON mentions (due_at) WHERE state = 'open';
CREATE INDEX mentions_report_idx ON mentions (report_id);

CREATE TABLE follow_ups (
    id              bigserial PRIMARY KEY,
    report_id       bigint NOT NULL REFERENCES reports(id),
    account_id      integer NOT NULL REFERENCES accounts(id),
    external_id     text,
    note            text NOT NULL DEFAULT '',
    photo_id        bigint REFERENCES photos(id),
    submitted_at    timestamptz NOT NULL DEFAULT now(),
    verification    text NOT NULL DEFAULT 'pending'
                    CHECK (verification IN ('pending', 'approved', 'rejected')),
    verifier        text,
    verified_at     timestamptz,
    reason          text,
    reason_note     text,
    checks          jsonb,
    risk            real,
    UNIQUE (account_id, external_id)
);
CREATE INDEX follow_ups_pending_idx ON follow_ups (risk DESC NULLS LAST, submitted_at)
    WHERE verification = 'pending';
CREATE INDEX follow_ups_report_idx ON follow_ups (report_id);
CREATE INDEX follow_ups_account_idx ON follow_ups (account_id, submitted_at);
CREATE INDEX follow_ups_verified_idx ON follow_ups (verified_at);
ALTER TABLE photos ADD CONSTRAINT photos_follow_up_fk
    FOREIGN KEY (follow_up_id) REFERENCES follow_ups(id) ON DELETE CASCADE;
