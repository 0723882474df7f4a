"""Demo mode only: demo staff accounts and a traffic generator. Never used in production."""
