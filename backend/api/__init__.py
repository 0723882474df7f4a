"""The backend's network surface: the client socket, the staff socket and plain HTTP."""
