"""The Qt side of message templates and replies to the citizen."""
