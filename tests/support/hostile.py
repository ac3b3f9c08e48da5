"""Releases that try to do harm: a template text release and an HTML release that refers to a secret file."""

from __future__ import annotations

from pathlib import Path

SECRET = "TOP-SECRET-7f3a"


TEXT_RELEASE = """\
                         {company}
                    {title}
                   (IN THOUSANDS, EXCEPT PER SHARE AMOUNTS)

                                                   QUARTER ENDED
                                                    DECEMBER 31
                                              ----------------------
                                                 2024        2023
                                              ---------   ---------
    Net sales:
      {member1:<40}  $    700    $    600
      {member2:<40}       300         300
                                                 ---------   ---------
         Total net sales                           1,000         900
    Cost of sales                                     600         500
                                                 ---------   ---------
         Gross profit                                 400         400
"""


PLAIN = {"company": "EXAMPLE WIDGETS CORPORATION", "title": "CONSOLIDATED STATEMENTS OF OPERATIONS",
         "member1": "Rubber Group", "member2": "Metals Group"}


def text_release(**changes: str) -> bytes:
    return TEXT_RELEASE.format(**{**PLAIN, **changes}).encode("utf-8")


def hostile_html(secret: Path) -> str:
    """An HTML release carrying every XML attack lxml or Arelle could fall for."""
    laughs = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [
  <!ENTITY xxe SYSTEM "file://{secret}">
  <!ENTITY lol0 "lol">{laughs}
  <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;
]>
<html xmlns:xi="http://www.w3.org/2001/XInclude"><head>
<link rel="stylesheet" href="http://127.0.0.1:9/a.css"><script src="http://127.0.0.1:9/a.js"></script>
<style>@import url(http://127.0.0.1:9/b.css);</style></head>
<body><p>EXAMPLE WIDGETS CORPORATION</p><p>Dear &xxe; &lol9;</p><xi:include href="file://{secret}" parse="text"/>
<iframe src="file://{secret}"></iframe><object data="file://{secret}"></object>
<p>CONSOLIDATED STATEMENTS OF OPERATIONS (In thousands)</p>
<table>
<tr><td></td><td colspan="2">Quarter ended December 31,</td></tr>
<tr><td></td><td>2024</td><td>2023</td></tr>
<tr><td>Net sales</td><td>$ 1,000</td><td>$ 900</td></tr>
<tr><td>Cost of sales</td><td>600</td><td>500</td></tr>
<tr><td>Gross profit&xxe;</td><td>400</td><td>400</td></tr>
</table></body></html>
"""
