"""Luukku staff desktop: chat queues, the busyness meter, and (later) softphone and handbook."""

__version__ = "0.1.0"
