"""The supervisor's room on the desktop, without Qt: what the board and history show."""
