"""Inputs: what is converted or validated, before any stage reads it.

Owns: the files, folders and glob patterns given on the command line (``releases``), a release or a
filing opened from disk or bytes (``sources``), EDGAR submission envelopes and unpacked filing
folders (``edgar``, ``filing_folder``), what a filing's exhibits share (``filing``: fiscal calendar,
entity, release date), which files are XBRL entry points (``entry_points``), and the user's
mapping file of overrides (``mapping_file``).

May import: the shared modules (``converter.model``, ``diagnostics``, ``defects``, ``labels``),
``converter.readers`` (its front door), ``converter.parse`` and ``taxonomy``; never
mapping, serialize, validation or cli.
"""
