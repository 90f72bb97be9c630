"""The triage queue pane's controllers, one job each, composed by ``gui.queue_pane.QueuePane``:
the filter widgets, the state tabs and their counts, paging, live changes, named views and the
selection."""
