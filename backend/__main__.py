"""``python -m backend``: run the server; ``python -m backend users …`` manages staff
(``backend/cli/``)."""

import sys

from backend.cli import main

if __name__ == "__main__":
    sys.exit(main())
