"""xbrlify's tests; shared code in ``tests/support/``, data files in ``tests/fixtures/``."""
