"""A digi-agent on the desktop: where she stands (standby, asked, helping, returning)
and the open ask. No Qt."""
