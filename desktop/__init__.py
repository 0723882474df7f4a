"""Luukku staff desktop: chats and the busyness meter, the softphone, the handbook, the
supervisor's room; ``chat/`` is the backend connection and the workstation state, ``ui/``
the widgets."""

__version__ = "0.1.0"
