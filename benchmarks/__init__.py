"""`make bench`: the numbers the issues ask for (see README.md here)."""
