"""`python -m lbp_desktop`: the same entry point as the `lbp-desktop` command."""

import sys

from lbp_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
