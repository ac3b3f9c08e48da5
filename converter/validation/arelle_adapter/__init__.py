"""Arelle behind one narrow door: the only package (with ``converter/validation/validate.py``) that
touches it. May import the shared modules and ``converter.inputs`` (``is_url``).

Modules:
    runner: one process-wide ``arelle.api.Session``, offline, serialised by a lock; runs one
        entry point and hands the still-open models to a callback before closing them.
    records: Arelle log records to :class:`converter.model.Diagnostic` (codes unchanged,
        references resolved to files, lines and release spans).
    facts: the facts of a loaded report as plain, comparable :class:`LoadedFact` values.

Public callers use :mod:`converter.validation.validate`; nothing here is part of the public API.
"""

from __future__ import annotations
