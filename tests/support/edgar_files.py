"""EDGAR submissions and filing folders built at test time, in every form the SEC serves.

Releases are given as bytes (an inline release, or a corpus exhibit read at test time): nothing
here is a copy of a release.
"""

from __future__ import annotations

import binascii
from collections.abc import Sequence
from pathlib import Path

PEM_START = b"""-----BEGIN PRIVACY-ENHANCED MESSAGE-----
Proc-Type: 2001,MIC-CLEAR
Originator-Name: webmaster@www.sec.gov
Originator-Key-Asymmetric:
 MFgwCgYEVQgBAQICAf8DSgAwRwJAW2sNKK9AVtBzYZmr6aGjlWyK3XmZv3dTINen
 TWSM7vrzLADbmYQaionwg5sDW3P6oaM5D3tdezXMm7z1T+B+twIDAQAB
MIC-Info: RSA-MD5,RSA,
 Wr0GBnbVRALSMOBMcjzMuWuTm8q8T2vnGbHpPmpZyPyOt8Ibe6hHqwGCoAv4DKfb
 dbGmILA5RnFAdnNibHhvjw==

"""
PEM_END = b"-----END PRIVACY-ENHANCED MESSAGE-----\n"

Exhibits = Sequence[tuple[str, str, bytes]]  # (type, file name, text)


def header(accession: str, company: str, cik: str, filed: str, *, ims: bool = False) -> bytes:
    """An SEC header (``<IMS-HEADER>`` for filings of 1993-1996)."""
    tag = b"IMS-HEADER" if ims else b"SEC-HEADER"
    return (
        b"<" + tag + b">" + accession.encode() + b".hdr.sgml : " + filed.encode() + b"\n"
        b"ACCESSION NUMBER:\t\t" + accession.encode() + b"\nCONFORMED SUBMISSION TYPE:\t8-K\n"
        b"PUBLIC DOCUMENT COUNT:\t\t3\nFILED AS OF DATE:\t\t" + filed.encode() + b"\n\nFILER:\n\n"
        b"\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\t" + company.encode() + b"\n"
        b"\t\tCENTRAL INDEX KEY:\t\t\t" + cik.encode() + b"\n</" + tag + b">\n"
    )


def document(kind: str, sequence: int, filename: str, text: bytes) -> bytes:
    """One ``<DOCUMENT>`` block."""
    return (b"<DOCUMENT>\n<TYPE>" + kind.encode() + b"\n<SEQUENCE>" + str(sequence).encode() + b"\n<FILENAME>"
            + filename.encode() + b"\n<DESCRIPTION>" + kind.encode() + b"\n<TEXT>\n" + text + b"\n</TEXT>\n</DOCUMENT>\n")


def uuencoded(name: str, payload: bytes) -> bytes:
    """``payload`` uuencoded as EDGAR embeds images and PDF copies (``begin 644 name`` .. ``end``)."""
    lines = [binascii.b2a_uu(payload[i : i + 45]) for i in range(0, len(payload), 45)]
    return b"begin 644 " + name.encode() + b"\n" + b"".join(lines) + b"`\nend\n"


COVER = b"""<html><body><p>UNITED STATES</p><p>SECURITIES AND EXCHANGE COMMISSION</p>
<p>Washington, D.C. 20549</p><p>FORM 8-K</p><p>CURRENT REPORT</p>
<p>Item 2.02 Results of Operations and Financial Condition. See Exhibit 99.1.</p></body></html>"""


def submission(exhibits: Exhibits, *, accession: str = "0000950123-07-000001", company: str = "EXAMPLE WIDGETS CORP",
               cik: str = "0000012345", filed: str = "20070125", wrapped: bool = True, ims: bool = False,
               graphic: bool = True) -> bytes:
    """A whole submission: the 8-K cover, ``exhibits``, and (``graphic``) a uuencoded logo."""
    root = b"IMS-DOCUMENT" if ims else b"SEC-DOCUMENT"
    body = header(accession, company, cik, filed, ims=ims) + document("8-K", 1, "form8k.htm", COVER)
    for n, (kind, filename, text) in enumerate(exhibits, start=2):
        body += document(kind, n, filename, text)
    if graphic:
        body += document("GRAPHIC", len(exhibits) + 2, "logo.jpg", uuencoded("logo.jpg", bytes(range(256)) * 3))
    data = b"<" + root + b">" + accession.encode() + b".txt : " + filed.encode() + b"\n" + body + b"</" + root + b">\n"
    return PEM_START + data + PEM_END if wrapped else data


def filing_folder(folder: Path, exhibits: Exhibits, *, cover: bool = True) -> Path:
    """An unpacked filing: the primary document (``cover``) and each exhibit under its file name."""
    folder.mkdir(parents=True, exist_ok=True)
    if cover:
        (folder / "form8k.htm").write_bytes(COVER)
    for _, filename, text in exhibits:
        (folder / filename).write_bytes(text)
    return folder


SIBLING = b"""\
                         EXAMPLE WIDGETS CORPORATION

ANYTOWN, Ohio, January 18, 2011 -- Example Widgets Corporation today reported first quarter results.

                    CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
                                 (In thousands)

                                      Three Months Ended           Year Ended
                                         December 31,             September 30,
                                    ----------------------       --------------
                                      2010          2009              2010
                                    --------      --------       --------------
    Net sales                       $  1,000      $    900          $  3,800
    Cost of sales                        600           500             2,200
                                    --------      --------       --------------
    Gross profit                         400           400             1,600
"""
