"""Command line and batches, with their reporting (``python -m converter.cli``, ``xbrlify``).

Owns: the click commands (``commands``), batches and their restart manifest (``batch``,
``manifest``), the Dask executor (``dask_executor``), per-release summaries (``release_summary``)
and the findings formats (``render_diagnostics``: text, JSON, JUnit, GitHub annotations).

May import: everything in ``converter``; nothing imports it but the front door
(``converter.convert_many``).
"""
