"""Taxonomy: xbrlify's base taxonomy and the writers of taxonomy files.

Owns: a taxonomy's types (``model``: names, concepts, labels, arcs, link roles, the
statement kind a role presents; ``converter.model`` re-exports them), the base taxonomy catalogue (``base``) and its build into ``schemas/`` (``build_base``),
namespaces (``ns``), XML helpers (``xmlout``), the schema (``schema_xsd``) and linkbase
(``linkbase_xml``) writers, a ``Taxonomy`` model's files (``files``), taxonomy and report package
zips (``package``). It writes what it is given and knows nothing of the stages.

May import: nothing of ``converter`` (a test holds it); every ``converter`` package may import it.
"""
