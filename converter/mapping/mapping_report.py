"""The mapping report: for every printed row with figures, the concept it was mapped to and why.

One line per printed row (a breakdown's member rows each get theirs, with the member): its
concept, base or extension, the US-GAAP element it suggests (a base concept's own; for an
extension concept whose words name the base concept it refines, that one's: "Cost of services"
suggests ``us-gaap:CostOfRevenue``, while a part of "Total current assets" suggests no element
but still rolls up to it), and how sure the mapping is:

- ``high``: a base concept its label names;
- ``medium``: a base concept its label names with its heading ("Basic" under "Earnings per
  share:", "Other" under "Current assets:"), or an extension concept whose label names the base
  concept it refines ("Product net sales");
- ``low``: an extension concept that refines a base concept only by where it is printed (a part
  of its total, under its heading);
- empty: an extension concept with no base concept to roll up to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from converter.mapping.concepts import ConceptChoice
from converter.mapping.refinement import Refinement
from converter.mapping.series import Series
from converter.model import ConceptMapping, LineItem, QName, Statement


def mapping_rows(statements: Sequence[Statement], series: Sequence[Series], choices: Sequence[ConceptChoice],
                 qnames: Sequence[QName], refined: Mapping[QName, Refinement]) -> tuple[ConceptMapping, ...]:
    """The mapping report's lines, sorted by table, part, row and member."""
    rows: list[ConceptMapping] = []
    by_row = [{item.row: item for item in st.items} for st in statements]
    for i, s in enumerate(series):
        st, choice, refinement = statements[s.statement], choices[i], refined.get(qnames[i])
        base = choice.base
        target = refinement.target if refinement is not None and base is None else None
        named = target if target is not None and refinement is not None and refinement.by_label else None
        for member, item in _printed_rows(by_row[s.statement], s):
            rows.append(ConceptMapping(
                table=st.table, part=st.part, title=st.title, row=item.row, label=item.label, member=member,
                concept=qnames[i], base=base is not None,
                us_gaap=base.usgaap if base is not None else named.usgaap if named is not None else None,
                refines=target.qname if target is not None else None,
                confidence=_confidence(choice, refinement), span=item.span,
            ))
    return tuple(sorted(rows, key=lambda r: (r.table, r.part, r.row, r.member, str(r.concept))))


def _confidence(choice: ConceptChoice, refinement: Refinement | None) -> str:
    if choice.base is not None:
        return "medium" if choice.by_heading else "high"
    if refinement is None:
        return ""
    return "medium" if refinement.by_label else "low"


def _printed_rows(by_row: Mapping[int, LineItem], s: Series) -> list[tuple[str, LineItem]]:
    """The (member, row) pairs a series' figures were printed on, in the order first met."""
    found: dict[tuple[str, int], LineItem] = {}
    for (member, _column), value in s.cells.items():
        row = value.span.row or s.item.row
        found.setdefault((member, row), by_row.get(row, s.item))
    return [(member, item) for (member, _row), item in found.items()]
