"""xbrlify's base taxonomy: common earnings-release concepts, as data.

The schema, label and reference linkbases in ``schemas/`` are generated from this catalogue
(``python -m taxonomy.build_base``); a test fails when they are stale. The mapper matches line
item labels against each concept's ``patterns`` so that releases of different companies share
concepts (see ``taxonomy.base_concept`` for how patterns read). The line items are in
``base_income``, ``base_balance`` and ``base_cash_flow``; the axes, domains and tables of the
dimensions are here. Earlier entries win where two concepts' patterns match one label.
"""

from __future__ import annotations

from taxonomy.base_balance import BALANCE_SHEET
from taxonomy.base_cash_flow import CASH_FLOW
from taxonomy.base_concept import BaseConcept
from taxonomy.base_income import INCOME_STATEMENT
from taxonomy.model import ConceptRole, ItemType

__all__ = ["BY_NAME", "CATALOGUE", "DIMENSIONS", "BaseConcept"]

DIMENSIONS: tuple[BaseConcept, ...] = (
    BaseConcept(name="SegmentAxis", label="Segments", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="SegmentDomain", label="All segments", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="GeographyAxis", label="Geographic areas", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="GeographyDomain", label="All geographic areas", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="ProductLineAxis", label="Product lines", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="ProductLineDomain", label="All product lines", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="ProductOrServiceAxis", label="Products or services", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="ProductOrServiceDomain", label="All products and services", item_type=ItemType.DOMAIN,
                role=ConceptRole.MEMBER),
    BaseConcept(name="LegalEntityAxis", label="Legal entities", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="LegalEntityDomain", label="All legal entities", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="ReportingBasisAxis", label="Reporting basis", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="ReportingBasisDomain", label="As reported (GAAP)", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="IncomeStatementLocationAxis", label="Income statement location", item_type=None,
                role=ConceptRole.AXIS),
    BaseConcept(name="IncomeStatementLocationDomain", label="All income statement lines", item_type=ItemType.DOMAIN,
                role=ConceptRole.MEMBER),
    BaseConcept(name="RangeAxis", label="Range", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="RangeDomain", label="Point estimate", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="MinimumMember", label="Minimum (low end of range)", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="MaximumMember", label="Maximum (high end of range)", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="SegmentTable", label="Segment table", item_type=None, role=ConceptRole.HYPERCUBE),
    BaseConcept(name="GeographyTable", label="Geographic area table", item_type=None, role=ConceptRole.HYPERCUBE),
    BaseConcept(name="ProductLineTable", label="Product line table", item_type=None, role=ConceptRole.HYPERCUBE),
    BaseConcept(name="ProductOrServiceTable", label="Product or service table", item_type=None, role=ConceptRole.HYPERCUBE),
    BaseConcept(name="LegalEntityTable", label="Legal entity table", item_type=None, role=ConceptRole.HYPERCUBE),
    BaseConcept(name="ReportingBasisTable", label="Reporting basis table", item_type=None, role=ConceptRole.HYPERCUBE),
    BaseConcept(name="IncomeStatementLocationTable", label="Income statement location table", item_type=None,
                role=ConceptRole.HYPERCUBE),
    BaseConcept(name="RangeTable", label="Range table", item_type=None, role=ConceptRole.HYPERCUBE),
)

CATALOGUE: tuple[BaseConcept, ...] = (*INCOME_STATEMENT, *BALANCE_SHEET, *CASH_FLOW, *DIMENSIONS)

BY_NAME: dict[str, BaseConcept] = {c.name: c for c in CATALOGUE}
