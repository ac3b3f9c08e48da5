"""Serialize: a ``Report`` in, files out (in memory, then written atomically).

Owns: the XBRL 2.1 instance (``instance_xml``), the Inline XBRL document (``ixbrl*``: the release
tagged in place), the output files of a conversion and their atomic writing (``output_files``),
the facts as CSV and JSON (``fact_records``) and the taxonomy directory's folders (``taxonomy_dir``).

May import: the shared modules, ``taxonomy``, ``converter.readers`` through its front
door (the HTML parse and the cell locator Inline XBRL shares with the reader) and
``converter.inputs`` (the images a submission carries); never parse, mapping, validation or cli.
"""
