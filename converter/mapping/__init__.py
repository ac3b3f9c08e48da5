"""Mapping: statements in, a ``Report`` out (concepts, members, contexts, units, facts, the
extension taxonomy model).

Owns: concept choice and names (``concepts``, ``names``, ``identity``), balances and signs,
breakdowns into members and axes, calculations from the tables' own arithmetic, contexts and
units, and the extension taxonomy as a model (``extension``: concepts, labels, presentation,
calculation and definition arcs), which ``taxonomy`` writes; the rows and members a mapping
file fixes (``pins``), and a company's taxonomy reused across its releases (``company``).

May import: the shared modules, ``converter.parse`` and ``taxonomy`` (the base
taxonomy catalogue, namespaces); never readers, serialize, validation or cli.
"""
