"""Callback requests on the desktop: her list, the one opened, an offer, the day's
figures, and the requests she made that the backend has not confirmed yet. No Qt."""
