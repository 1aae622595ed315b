"""Starts the enforcement command-centre console (the same as the `enforcement-console` command)."""

import sys

from widgets.app import main

if __name__ == "__main__":
    sys.exit(main())
