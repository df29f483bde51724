"""The heart of the app: pure Python, never imports Qt, files or time sources."""
