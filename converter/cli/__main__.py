"""``python -m converter.cli``: the ``xbrlify`` command."""

from __future__ import annotations

from converter.cli.commands import main

main()
