"""Extension concepts say which base concept they refine: by their words, their total or their heading."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from converter.model import Severity
from converter.pipeline import ConvertOptions, convert
from taxonomy import ns
from tests.support.releases import BALANCE_SHEET, HEADER, release, report_of

LINK, XL = f"{{{ns.LINK}}}", f"{{{ns.XLINK}}}"
STATEMENT = """\
    Product net sales                            $    600    $    500
    Service net sales                                 400         400
                                                 ---------   ---------
         Total net sales                            1,000         900
    Cost of services                                  300         250
    Cost of products                                  200         200
                                                 ---------   ---------
         Total cost of sales                          500         450
                                                 ---------   ---------
         Gross profit                                 500         450
    Operating expenses:
         Technology and content                       100          90
         Adjusted marketing costs                      50          40
"""


def refined(body: str, header: str = HEADER) -> dict[str, str]:
    taxonomy = report_of(release(body, header)).taxonomy
    return {a.source.local: a.target.local for role in taxonomy.roles for a in role.definition_arcs
            if a.arcrole == ns.REFINES}


def test_narrower_line_items_refine_the_base_concept_their_words_total_or_heading_name() -> None:
    assert refined(STATEMENT) == {
        "ProductNetSales": "Revenues", "ServiceNetSales": "Revenues",  # their words
        "CostOfServices": "CostOfRevenue", "CostOfProducts": "CostOfRevenue",
        "TechnologyAndContent": "OperatingExpenses",  # the heading they are printed under
    }  # "Adjusted marketing costs" is a non-GAAP measure: it refines nothing


def test_a_part_of_an_aggregate_total_refines_it_but_a_contra_account_does_not() -> None:
    found = refined("""\
    Cash and cash equivalents                    $    300    $    250
    Vendor receivables                                120         100
    Prepaid royalties                                  90          80
    Less reserve for returns                          (10)        (10)
                                                 ---------   ---------
         Total current assets                         500         420
    """, BALANCE_SHEET)
    assert found["PrepaidRoyalties"] == "AssetsCurrent"  # added into the total
    assert found["VendorReceivables"] == "AccountsReceivableNetCurrent"  # its words
    assert "LessReserveForReturns" not in found and "ReserveForReturns" not in found  # a credit among debits


def test_refinements_are_definition_arcs_in_the_refines_arcrole_and_validate_offline(tmp_path: Path) -> None:
    text = HEADER + "\n".join(line[4:] for line in STATEMENT.splitlines())
    out = tmp_path / "out"
    result = convert(text.encode(), name="release.txt", out_dir=out, options=ConvertOptions())
    assert not [d.render() for d in result.diagnostics if d.severity is Severity.ERROR]
    [definition] = [p for p in out.glob("*_def.xml") if not p.name.startswith(ns.BASE_PACKAGE_NAME)]
    root = etree.parse(str(definition)).getroot()
    refs = {r.get("arcroleURI"): r.get(f"{XL}href") for r in root.iter(f"{LINK}arcroleRef")}
    assert refs[ns.REFINES] == f"{ns.BASE_SCHEMA_FILE}#{ns.REFINES_ID}"
    locs = {loc.get(f"{XL}label"): loc.get(f"{XL}href").rsplit("#", 1)[1] for loc in root.iter(f"{LINK}loc")}
    arcs = {(locs[a.get(f"{XL}from")], locs[a.get(f"{XL}to")]) for a in root.iter(f"{LINK}definitionArc")
            if a.get(f"{XL}arcrole") == ns.REFINES}
    prefix = report_of(result).taxonomy.prefix
    assert (f"{prefix}_ProductNetSales", "xfy_Revenues") in arcs and len(arcs) == 5
