"""Colleagues' chat on the desktop: the help channel and direct messages. No Qt."""
