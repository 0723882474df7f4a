"""Entry point of the frozen desktop app (PyInstaller runs this file)."""

import sys

from desktop.__main__ import main

sys.exit(main())
