"""Taxonomy: xbrlify's base taxonomy and the writers of taxonomy files.

Owns: the base taxonomy catalogue (``base``) and its build into ``schemas/`` (``build_base``),
namespaces (``ns``), XML helpers (``xmlout``), the schema (``schema_xsd``) and linkbase
(``linkbase_xml``) writers, a ``Taxonomy`` model's files (``files``), taxonomy and report package
zips (``package``). It writes what it is given and knows nothing of the stages.

May import: ``converter.model`` (and the other shared modules) only. Every stage may import it.
"""
