"""Backend connection and the workstation's chat state. No Qt imports here."""
