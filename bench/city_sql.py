"""The SQL of the benchmark city (bench/generate_city.py): one batch of reports with their whole
history, planned in one temporary table and written from it with INSERT … SELECT.

A batch covers the report ids :start..:stop (the report with id i is ``bench-i``). The plan
draws each report's content from hashes of its id (channel, text, category, kelurahan, a
position spread around the kelurahan's centroid, priority, the time it was reported within the
last :days days) and its history from two more (s: which path it takes, u: the delays):

* s < 4: rejected as spam; 4–8: merged as a duplicate of the report before it (of the same
  batch); the rest triaged (s 30–39 only after five days: the backlog waiting for triage),
  dispatched to the kelurahan's lurah;
* 9–14 forwarded to the camat (9, 10: and back to the lurah); 15–17 never answered;
* a follow-up with a proof photo; 18–25 its proof rejected once and a second follow-up;
  the proof approved; 26–28 reopened by the citizen, a third follow-up, approved again;
* 29: the first proof photo is the previous report's (the same sha256: a reused proof).

What would happen after now() has not happened (CLIP). Ids: follow-ups 3i+k (k = 0..2), proof
photos 4i+k, the report's own photo 4i+3.
"""

PLAN = """
CREATE TEMP TABLE plan ON COMMIT DROP AS
WITH kel AS (
    SELECT row_number() OVER (ORDER BY k.code) - 1 AS n, k.code, k.parent_code AS kec,
           kc.parent_code AS kota, k.centroid_lat AS lat, k.centroid_lon AS lon,
           lurah.id AS lurah, camat.id AS camat
      FROM areas k JOIN areas kc ON kc.code = k.parent_code
      JOIN accounts lurah ON lurah.kind = 'lurah' AND lurah.area_code = k.code
      JOIN accounts camat ON camat.kind = 'camat' AND camat.area_code = k.parent_code
     WHERE k.level = 'kelurahan'),
cats AS (SELECT row_number() OVER (ORDER BY code) - 1 AS n, code, sla_hours FROM categories),
g AS (
    SELECT i, hashint8(i) AS h1, hashint8(i + 7919) AS h2, hashint8(i + 104729) AS h3,
           abs(hashint8(i * 3 + 1)) % 100 AS s, abs(hashint8(i * 5 + 2)) AS u
      FROM generate_series(CAST(:start AS bigint), CAST(:stop AS bigint)) AS i),
base AS (
    SELECT g.i AS id, g.s, g.u, g.i > CAST(:start AS bigint) AS has_previous,
           (ARRAY['app','app','app','social','web','sms','call_center'])[1 + abs(g.h1) % 7]
               AS channel,
           'warga' || (abs(g.h2) % 200000) AS citizen,
           (ARRAY['Sampah menumpuk di pinggir jalan', 'Saluran air tersumbat sampah daun',
                  'Jalan berlubang besar', 'Genangan air setinggi betis',
                  'Parkir liar di trotoar', 'Angkot ngetem di tikungan',
                  'Pohon tumbang menutup jalan', 'PKL berjualan di trotoar',
                  'Lampu jalan mati sejak seminggu',
                  'Halte rusak atapnya bocor'])[1 + abs(g.h3) % 10]
             || ' dekat RT ' || (abs(g.h1) % 15 + 1) AS body,
           cats.code AS category, cats.sla_hours,
           kel.lat + ((abs(g.h2) % 2001) - 1000) * 0.000003 AS lat,
           kel.lon + ((abs(g.h3) % 2001) - 1000) * 0.000003 AS lon,
           kel.code AS kel, kel.kec, kel.kota, kel.lurah, kel.camat,
           (ARRAY[1,1,1,1,0,2,2,3])[1 + abs(g.h1) % 8] AS priority,
           now() - make_interval(secs => (abs(g.h1) % (CAST(:days AS bigint) * 86400)))
               AS created
      FROM g
      JOIN kel ON kel.n = abs(g.h1) % (SELECT count(*) FROM kel)
      JOIN cats ON cats.n = abs(g.h2) % (SELECT count(*) FROM cats)),
t1 AS (
    SELECT base.*,
           CASE WHEN s < 4 THEN created + make_interval(mins => (10 + u % 50)::int)
           END AS rejected_at,
           CASE WHEN s BETWEEN 4 AND 8 AND has_previous
                THEN created + make_interval(mins => (10 + u % 50)::int)
           END AS merged_at,
           CASE WHEN s BETWEEN 30 AND 39
                THEN created + interval '5 days' + make_interval(mins => (u % 120)::int)
                WHEN s >= 9 OR (s BETWEEN 4 AND 8 AND NOT has_previous)
                THEN created + make_interval(mins => (5 + u % 115)::int) END AS triaged
      FROM base),
t2 AS (
    SELECT t1.*, triaged + make_interval(mins => (5 + (u / 7) % 55)::int) AS dispatched FROM t1),
t3 AS (
    SELECT t2.*,
           CASE WHEN s BETWEEN 9 AND 14
                THEN dispatched + make_interval(hours => (1 + (u / 11) % 8)::int)
           END AS fwd1
      FROM t2),
t4 AS (
    SELECT t3.*, CASE WHEN s IN (9, 10) THEN fwd1 + interval '3 hours' END AS fwd2 FROM t3),
t5 AS (
    SELECT t4.*,
           CASE WHEN dispatched IS NOT NULL AND s NOT BETWEEN 15 AND 17
                THEN coalesce(fwd2, fwd1, dispatched)
                     + make_interval(secs => (((u / 13) % 100) ^ 2 * 30)::int)
           END AS fu1
      FROM t4),
t6 AS (
    SELECT t5.*, CASE WHEN s BETWEEN 18 AND 25 THEN fu1 + interval '3 hours' END AS rej FROM t5),
t7 AS (
    SELECT t6.*, rej + interval '20 hours' AS fu2 FROM t6),
t8 AS (
    SELECT t7.*, coalesce(fu2, fu1) + make_interval(hours => (1 + (u / 17) % 30)::int) AS approved
      FROM t7),
t9 AS (
    SELECT t8.*, CASE WHEN s BETWEEN 26 AND 28 THEN approved + interval '2 days' END AS reopen
      FROM t8)
SELECT t9.*, reopen + interval '1 day' AS fu3, reopen + interval '28 hours' AS approved2 FROM t9
"""

# Everything after now() has not happened yet.
CLIP = """
UPDATE plan SET
    rejected_at = CASE WHEN rejected_at <= now() THEN rejected_at END,
    merged_at = CASE WHEN merged_at <= now() THEN merged_at END,
    triaged = CASE WHEN triaged <= now() THEN triaged END,
    dispatched = CASE WHEN dispatched <= now() THEN dispatched END,
    fwd1 = CASE WHEN fwd1 <= now() THEN fwd1 END,
    fwd2 = CASE WHEN fwd2 <= now() THEN fwd2 END,
    fu1 = CASE WHEN fu1 <= now() THEN fu1 END,
    rej = CASE WHEN rej <= now() THEN rej END,
    fu2 = CASE WHEN fu2 <= now() THEN fu2 END,
    approved = CASE WHEN approved <= now() THEN approved END,
    reopen = CASE WHEN reopen <= now() THEN reopen END,
    fu3 = CASE WHEN fu3 <= now() THEN fu3 END,
    approved2 = CASE WHEN approved2 <= now() THEN approved2 END
"""

# The reports as the functions would have left them after their history.
INSERT_REPORTS = """
INSERT INTO reports (id, channel, external_id, citizen_handle, text, category_code, lat, lon,
                     kelurahan_code, kecamatan_code, kota_code, status, priority, reported_at,
                     created_at, updated_at, triaged_at, dispatched_at, followed_up_at, closed_at,
                     due_at, duplicate_of)
SELECT p.id, p.channel, 'bench-' || p.id, p.citizen, p.body, p.category, p.lat, p.lon,
       p.kel, p.kec, p.kota, x.status, p.priority, p.created, p.created,
       greatest(p.created, p.rejected_at, p.merged_at, p.triaged, p.dispatched, p.fwd1, p.fwd2,
                p.fu1, p.rej, p.fu2, p.approved, p.reopen, p.fu3, p.approved2),
       coalesce(p.triaged, p.rejected_at, p.merged_at), p.dispatched,
       coalesce(p.fu3, p.fu2, p.fu1),
       CASE x.status WHEN 'verified' THEN coalesce(p.approved2, p.approved)
                     WHEN 'rejected' THEN p.rejected_at
                     WHEN 'duplicate' THEN p.merged_at END,
       CASE WHEN p.dispatched IS NOT NULL
            THEN p.dispatched + make_interval(hours => p.sla_hours) END,
       CASE WHEN p.merged_at IS NOT NULL THEN p.id - 1 END
  FROM plan p CROSS JOIN LATERAL (SELECT CASE
        WHEN p.rejected_at IS NOT NULL THEN 'rejected'
        WHEN p.merged_at IS NOT NULL THEN 'duplicate'
        WHEN p.approved2 IS NOT NULL THEN 'verified'
        WHEN p.fu3 IS NOT NULL THEN 'followed_up'
        WHEN p.reopen IS NOT NULL THEN 'reopened'
        WHEN p.approved IS NOT NULL THEN 'verified'
        WHEN p.fu2 IS NOT NULL THEN 'followed_up'
        WHEN p.rej IS NOT NULL THEN 'reopened'
        WHEN p.fu1 IS NOT NULL THEN 'followed_up'
        WHEN p.fwd1 IS NOT NULL THEN 'coordination'
        WHEN p.dispatched IS NOT NULL THEN 'dispatched'
        WHEN p.triaged IS NOT NULL THEN 'triaged'
        ELSE 'new' END AS status) x
 ORDER BY p.id
"""

# The citizen's own photo (metadata only).
INSERT_REPORT_PHOTOS = """
INSERT INTO photos (id, report_id, kind, url, mime, sha256, phash, width, height, created_at)
SELECT p.id * 4 + 3, p.id, 'report', 'bench://photo/' || p.id, 'image/jpeg', md5(p.id::text),
       hashint8(p.id * 31), 640, 480, p.created
  FROM plan p
"""

INSERT_FOLLOW_UPS = """
INSERT INTO follow_ups (id, report_id, account_id, note, submitted_at, verification, verifier,
                        verified_at)
SELECT p.id * 3 + v.k, p.id, p.lurah, 'sudah ditangani', v.at, v.verdict,
       CASE WHEN v.verdict <> 'pending' THEN 'spv' END, v.decided
  FROM plan p CROSS JOIN LATERAL (VALUES
       (0, p.fu1, CASE WHEN p.rej IS NOT NULL THEN 'rejected'
                       WHEN p.approved IS NOT NULL AND p.fu2 IS NULL THEN 'approved'
                       ELSE 'pending' END,
        coalesce(p.rej, CASE WHEN p.fu2 IS NULL THEN p.approved END)),
       (1, p.fu2, CASE WHEN p.approved IS NOT NULL THEN 'approved' ELSE 'pending' END, p.approved),
       (2, p.fu3, CASE WHEN p.approved2 IS NOT NULL THEN 'approved' ELSE 'pending' END, p.approved2)
  ) v(k, at, verdict, decided)
 WHERE v.at IS NOT NULL
"""

# Proof photos: sha256 and a 64-bit pHash; s = 29 reuses the previous report's first proof.
INSERT_PROOF_PHOTOS = """
INSERT INTO photos (id, report_id, follow_up_id, kind, mime, sha256, phash, width, height,
                    created_at)
SELECT p.id * 4 + (f.id - p.id * 3), f.report_id, f.id, 'proof', 'image/jpeg',
       encode(sha256(convert_to('proof-' || CASE WHEN p.s = 29 AND f.id = p.id * 3
                                                 THEN (p.id - 1) * 3 ELSE f.id END,
                                'UTF8')), 'hex'),
       (CAST(hashint8(f.id * 31 + 7) AS bigint) << 32)
           | (CAST(hashint8(f.id * 37 + 11) AS bigint) & 4294967295),
       1600, 1200, f.submitted_at
  FROM follow_ups f JOIN plan p ON p.id = f.report_id
"""

LINK_PHOTOS = """
UPDATE follow_ups f SET photo_id = p.id * 4 + (f.id - p.id * 3)
  FROM plan p WHERE p.id = f.report_id
"""

INSERT_EVENTS = """
INSERT INTO events (report_id, at, actor, kind, payload)
SELECT p.id, v.at, v.actor, v.kind, v.payload
  FROM plan p CROSS JOIN LATERAL (VALUES
       ('created', p.created, p.channel || ':' || p.citizen, '{}'::jsonb),
       ('rejected', p.rejected_at, 'operator', '{"reason": "spam"}'::jsonb),
       ('merged', p.merged_at, 'operator', jsonb_build_object('into', p.id - 1)),
       ('triaged', p.triaged, 'operator', '{}'::jsonb),
       ('dispatched', p.dispatched, 'operator', '{}'::jsonb),
       ('forwarded', p.fwd1, 'operator', '{}'::jsonb),
       ('forwarded', p.fwd2, 'operator', '{}'::jsonb),
       ('follow_up', p.fu1, 'lurah', jsonb_build_object('follow_up', p.id * 3, 'photo', p.id * 4)),
       ('proof_rejected', p.rej, 'spv',
        jsonb_build_object('follow_up', p.id * 3, 'reason', 'wrong_place')),
       ('follow_up', p.fu2, 'lurah',
        jsonb_build_object('follow_up', p.id * 3 + 1, 'photo', p.id * 4 + 1)),
       ('proof_approved', p.approved, 'spv',
        jsonb_build_object('follow_up', p.id * 3 + CASE WHEN p.fu2 IS NULL THEN 0 ELSE 1 END)),
       ('reopened', p.reopen, 'citizen:' || p.citizen, '{"by": "citizen"}'::jsonb),
       ('follow_up', p.fu3, 'lurah',
        jsonb_build_object('follow_up', p.id * 3 + 2, 'photo', p.id * 4 + 2)),
       ('proof_approved', p.approved2, 'spv', jsonb_build_object('follow_up', p.id * 3 + 2))
  ) v(kind, at, actor, payload)
 WHERE v.at IS NOT NULL
 ORDER BY v.at
"""

INSERT_MENTIONS = """
INSERT INTO mentions (report_id, account_id, mentioned_at, due_at, resolved_at, state)
SELECT p.id, v.account, v.at, v.at + make_interval(hours => p.sla_hours), v.ended,
       CASE WHEN v.forwarded THEN 'forwarded' WHEN v.ended IS NOT NULL THEN 'resolved'
            WHEN p.rejected_at IS NOT NULL OR p.merged_at IS NOT NULL THEN 'closed' ELSE 'open' END
  FROM plan p CROSS JOIN LATERAL (VALUES
       (p.lurah, p.dispatched, coalesce(p.fwd1, p.fu1), p.fwd1 IS NOT NULL),
       (p.camat, p.fwd1, coalesce(p.fwd2, p.fu1), p.fwd2 IS NOT NULL),
       (p.lurah, p.fwd2, p.fu1, false),
       (p.lurah, p.reopen, p.fu3, false)
  ) v(account, at, ended, forwarded)
 WHERE v.at IS NOT NULL
"""

# In the order they run for a batch (PLAN and CLIP first).
BATCH_STATEMENTS = (
    INSERT_REPORTS,
    INSERT_REPORT_PHOTOS,
    INSERT_FOLLOW_UPS,
    INSERT_PROOF_PHOTOS,
    LINK_PHOTOS,
    INSERT_EVENTS,
    INSERT_MENTIONS,
)

# The user triggers that keep derived tables (the KPI pre-aggregation, recurrences and chronic
# spots) or notify listeners: off during the load, the derived tables rebuilt once at the end
# by the database's own functions. events_stamp (who wrote an event) stays on.
LOAD_TRIGGERS = {
    "events": (
        "events_kpi_insert",
        "events_kpi_update",
        "events_kpi_delete",
        "events_kpi_proofs_insert",
        "events_kpi_proofs_update",
        "events_kpi_proofs_delete",
        "events_notify",
        "events_recurrence",
    ),
    "mentions": (
        "mentions_kpi_insert_delete",
        "mentions_kpi_update",
        "mentions_kpi_state",
        "mentions_notify",
    ),
    "follow_ups": ("follow_ups_kpi_update",),
}
