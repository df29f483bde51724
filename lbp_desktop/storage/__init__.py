"""Storage layer: the crash-safe TinyDB store, backups, schema migrations and checks.

The import of :class:`Store` is left to the caller (``lbp_desktop.storage.store``)
so that importing a small part, e.g. the errors, stays cheap.
"""
