"""The frozen app's entry script: the same `main` as the `lbp-desktop` command.

PyInstaller wants a script, not a `module:function` entry point. It is a file
of its own rather than `lbp_desktop/__main__.py` because PyInstaller puts the
script's folder on its search path, and with the package's own folder there
its modules (`paths`, `app`, ...) could be found as top-level modules too.
"""

import sys

from lbp_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
