"""The shift handover: writing the note, handing claims to a colleague, the history, and the
note waiting at sign-in."""
