"""claims: isolate, attribute, verify and reconcile the claims in news articles.

The public Python API. Names are imported on first use (PEP 562) so that `import claims`
stays as cheap as the command line's start-up.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "extract": "claims.core.extraction",
    "make_document": "claims.core.text.documents",
    "extract_figures": "claims.core.figures.extract",
    "check_consistency": "claims.core.reconcile.consistency",
    "infer_relations": "claims.core.reconcile.relations",
    "frame_claims": "claims.core.reconcile.frames",
    "qualifier_interval": "claims.core.figures.intervals",
    "open_store": "claims.store",
    "resolve_db": "claims.config",
    "Status": "claims.core.status",
    "parse_status": "claims.core.status",
    "Document": "claims.core.model",
    "Extraction": "claims.core.model",
    "Claim": "claims.core.model",
    "Figure": "claims.core.model",
    "Frame": "claims.core.model",
    "Source": "claims.core.model",
    "Relation": "claims.core.model",
    "Finding": "claims.core.model",
    "Qualifier": "claims.core.model",
}
_RENAMES = {"check_consistency": "check"}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'claims' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), _RENAMES.get(name, name))
