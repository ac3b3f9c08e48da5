"""What the tests share: paths and loaders of the data fixtures, small inline releases and model
values, and the checks several test modules make.

Test modules import from here (``from tests.support.releases import release``), never from one
another; ``tests/test_import_rules.py`` checks that. Data files live in ``tests/fixtures/``
(``paths.fixture("validate", "valid.xml")``); expected corpus facts in ``tests/corpus/``.
"""
