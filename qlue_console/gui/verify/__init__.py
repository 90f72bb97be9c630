"""The proof verifier's Qt layer, one controller per job, composed by
``gui/workspaces/verify.py``:

* ``filter_bar`` — the filters; ``queue_list`` (with ``queue_model``) — the pending queue;
* ``item_display`` — the follow-up shown, with ``checks_panel``, ``exif_table``,
  ``reuse_panel`` (and ``reuse_dialog``), ``synced_photos`` and ``mini_map``;
* ``prefetcher`` — the next follow-ups loaded ahead (``loading``);
* ``decision_bar``, ``reason_panel``, ``decider`` (with ``override_dialog``) — the decision;
* ``background_checks`` — the checks of new follow-ups; ``shortcuts`` — the keys;
* ``labels`` — the translatable names of checks, verdicts and reasons.
"""
