"""The proof verifier's Qt helpers: labels, synchronized photo views, the small map, the queue
model and the background loader. The workspace itself is ``gui/workspaces/verify.py``."""
