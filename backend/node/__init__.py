"""One backend node's role among two: the lease in PostgreSQL (lease.py) and the life of
standby, active and handing over (role.py)."""
