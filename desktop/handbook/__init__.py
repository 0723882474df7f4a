"""The shared operating handbook client: arrives with the handbook issue."""
