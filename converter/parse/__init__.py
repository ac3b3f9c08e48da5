"""Parse: raw tables in, statements out (columns with periods, rows with roles, units and scale).

Owns: dates and fiscal calendars, column periods, scale and currency, units of columns and rows,
row hierarchy (headings, subtotals, totals), sideways tables, statement titles and kinds, numbers;
the tables, rows and scales a mapping file fixes (``overridden``).

May import: the shared modules (``converter.model``, ``diagnostics``, ``defects``, ``labels``)
only; never readers, mapping, serialize, validation or cli.
"""
