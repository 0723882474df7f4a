"""The live contact centre, one concept per module; ``backend/hub.py`` builds them.

* ``records``: the records parts share (an open socket, a conversation, who is online);
* ``service``: the service file in force, its opening hours and the clock;
* ``events``: what happened, told to whoever subscribed (nobody reaches into another part);
* ``outbox``: every frame that leaves, to a socket or a staff member;
* ``routing``: the only writer of the Router and of the day's counts (status, wrap-up,
  offers), and ``desk``: what a channel does with an offer;
* ``estimates`` and ``meter``: how long a client will wait, and the meter's figures;
* ``sessions``: log-in, resume, sign-in with the organisation, expiry;
* ``state_log``: the staff-state log the reports measure time by.
"""
