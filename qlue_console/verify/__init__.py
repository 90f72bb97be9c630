"""The proof-photo verifier's plain-Python part (no Qt): the pending queue, one item's full
context, running and storing the automated checks, and a supervisor's decision.

* :mod:`.queue` — pending follow-ups ordered by risk, with filters
* :mod:`.context` — one follow-up with its report, photos, official, EXIF and checks
* :mod:`.checking` — :func:`~.checking.run_checks_for` and :func:`~.checking.check_pending`
* :mod:`.decisions` — :func:`~.decisions.decide`, the reason codes, the caller's role

The SQL functions ``qlue_record_checks`` and ``decide_follow_up`` (revision 0004; 0012: an
approval over a failed check needs a reason) do the writing; PostgreSQL decides who may.
"""
