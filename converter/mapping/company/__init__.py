"""One extension taxonomy per company, reused and extended across its releases (``--taxonomy-dir DIR``).

``DIR/<company>/`` holds the company's taxonomy as it stands: ``<prefix>.xsd`` declaring every
concept, member and axis its releases used (namespace ``https://xbrlify.dev/taxonomy/ext/<company>``),
their labels (``<prefix>_lab.xml``), and ``company.json``, the index the mapper reads: line item
labels -> concept, member labels -> member, the figures each concept reported, the releases
converted. A release converted with ``DIR`` maps a line item to the concept an earlier release
gave it, when its label is the same or drifted ("Net sales" / "Total net sales", "Revenues,
net" / "Net revenues"), or when its figures for a period are the ones that concept reported;
a segment to the member it had. What is new extends the taxonomy. Nothing is ever renamed or
removed, so earlier outputs stay valid against the grown taxonomy.

Each output folder holds a copy of the company taxonomy as it was when the release was
converted, and a release schema of its own (``<prefix>-<yyyymmdd>.xsd``: its statements' roles,
presentation, calculation and definition links, the labels it printed) that imports it.

* :mod:`converter.mapping.company.state`: the index as a frozen value, its JSON form, label keys;
* :mod:`converter.mapping.company.recall`: the map stage's use of it (concepts and members recalled);
* :mod:`converter.mapping.company.layer`: the company found among a directory's, the index extended
  by a report, and the report's taxonomy split into the company layer and the release's own.

The directory itself (locked, read, written atomically) is :mod:`converter.serialize.taxonomy_dir`'s;
the pipeline joins the two.
"""
