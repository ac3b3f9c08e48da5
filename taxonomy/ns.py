"""Namespaces, schema locations, roles and arcroles: the only module that declares their URIs."""

from __future__ import annotations

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XSD = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
XBRLDT = "http://xbrl.org/2005/xbrldt"
XBRLDI = "http://xbrl.org/2006/xbrldi"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
DTR_TYPES = "http://www.xbrl.org/dtr/type/2022-03-31"
XHTML = "http://www.w3.org/1999/xhtml"
IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
TP = "http://xbrl.org/2016/taxonomy-package"
CATALOG = "urn:oasis:names:tc:entity:xmlns:xml:catalog"

XBRLI_XSD = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
XBRLDT_XSD = "http://www.xbrl.org/2005/xbrldt-2005.xsd"
DTR_TYPES_XSD = "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"
LINKBASE_XSD = "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd"

# xbrlify's own base taxonomy (shipped in schemas/, served offline through a taxonomy package).
BASE = "https://xbrlify.dev/taxonomy/base/2024"
BASE_PREFIX = "xfy"
BASE_SCHEMA_FILE = "xbrlify-base-2024.xsd"
BASE_SCHEMA_URL = f"{BASE}/{BASE_SCHEMA_FILE}"
EXTENSION_BASE = "https://xbrlify.dev/taxonomy/ext"

# The US-GAAP taxonomy, named (never imported) by the base taxonomy's references.
US_GAAP = "http://fasb.org/us-gaap/2024"
US_GAAP_PREFIX = "us-gaap"

# Declared in the base schema: the reference role and part that name a concept's US-GAAP element,
# and the definition arcrole from a narrower concept to the broader one it refines.
USGAAP_REFERENCE_ROLE = f"{BASE}/role/usGaapElement"
USGAAP_REFERENCE_ROLE_ID = "usGaapElement"
USGAAP_PART = "UsGaapElement"
REFINES = f"{BASE}/arcrole/refines"
REFINES_ID = "refines"

# Arcroles.
SUMMATION_ITEM_11 = "https://xbrl.org/2023/arcrole/summation-item"
SUMMATION_ITEM_21 = "http://www.xbrl.org/2003/arcrole/summation-item"
PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
CONCEPT_LABEL = "http://www.xbrl.org/2003/arcrole/concept-label"
CONCEPT_REFERENCE = "http://www.xbrl.org/2003/arcrole/concept-reference"
ALL = "http://xbrl.org/int/dim/arcrole/all"
HYPERCUBE_DIMENSION = "http://xbrl.org/int/dim/arcrole/hypercube-dimension"
DIMENSION_DOMAIN = "http://xbrl.org/int/dim/arcrole/dimension-domain"
DOMAIN_MEMBER = "http://xbrl.org/int/dim/arcrole/domain-member"
DIMENSION_DEFAULT = "http://xbrl.org/int/dim/arcrole/dimension-default"

# Roles.
LINK_ROLE = "http://www.xbrl.org/2003/role/link"
LABEL_ROLE = "http://www.xbrl.org/2003/role/label"
SEC_CIK_SCHEME = "http://www.sec.gov/CIK"

# Writers: schema prefixes, linkbase references, LRR label roles (added for taxonomy/files.py).
DTR_TYPES_PREFIX = "dtr-types"
XLINK_LINKBASE_ARCROLE = "http://www.w3.org/1999/xlink/properties/linkbase"
LABEL_LINKBASE_REF = "http://www.xbrl.org/2003/role/labelLinkbaseRef"
PRESENTATION_LINKBASE_REF = "http://www.xbrl.org/2003/role/presentationLinkbaseRef"
CALCULATION_LINKBASE_REF = "http://www.xbrl.org/2003/role/calculationLinkbaseRef"
DEFINITION_LINKBASE_REF = "http://www.xbrl.org/2003/role/definitionLinkbaseRef"
REFERENCE_LINKBASE_REF = "http://www.xbrl.org/2003/role/referenceLinkbaseRef"
LRR_NEGATED_XSD = "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd"
LRR_NEGATED_ROLES = "http://www.xbrl.org/2009/role/"  # roles declared in LRR_NEGATED_XSD

# Packages: the base taxonomy package and XBRL Report Packages 1.0.
BASE_PACKAGE_NAME = "xbrlify-base-2024"
BASE_PACKAGE_ID = f"{BASE}/package"
REPORT_PACKAGE_XBRI = "https://xbrl.org/report-package/2023/xbri"
REPORT_PACKAGE_XBR = "https://xbrl.org/report-package/2023/xbr"
