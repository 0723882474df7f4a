"""Luukku backend: queues, routing, opening hours, the meter, storage and the client web chat."""
