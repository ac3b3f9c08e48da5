"""Validation: checking a conversion and its outputs.

Owns: cell accounting (``accounting``: every printed figure is a fact or left out for a reason),
Arelle's checks as diagnostics (``validate``, the one door to ``arelle_adapter``), Arelle's pass
over a written output folder (``outputs``), validating given paths (``paths``, the ``validate``
command) and the findings of a file with exit statuses (``findings``).

May import: the shared modules, ``taxonomy``, ``converter.inputs``, ``converter.parse``
and ``converter.serialize``; never mapping or cli. Only ``validate`` (and the adapter itself)
imports ``arelle_adapter``.
"""
