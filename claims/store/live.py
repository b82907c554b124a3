"""Which claims are live: what every read of claims filters on.

A claim is live when it is not superseded by a re-extraction and its article is not
retracted (`claims articles remove`); dismissed claims are a reviewer's separate choice
(`list --dismissed` shows them). Kept apart from `retraction` so the read side can
import it without the write side.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, select

from claims.store.tables import article, claim, figure, relation_member


def live_articles() -> ColumnElement[bool]:
    """For a query that joins `article`: only articles that are not retracted."""
    return article.c.retracted.is_(False)


def in_live_article() -> ColumnElement[bool]:
    """For a query on `claim` without the article join."""
    return claim.c.article_id.not_in(select(article.c.id).where(article.c.retracted.is_(True)))


def relations_in_retracted() -> Select[Any]:
    """Ids of relations with a figure in a retracted article: `check-consistency` skips
    them (a finding about a withdrawn text is nobody's business)."""
    return (
        select(relation_member.c.relation_id)
        .join(figure, figure.c.id == relation_member.c.figure_id)
        .join(claim, claim.c.id == figure.c.claim_id)
        .join(article, article.c.id == claim.c.article_id)
        .where(article.c.retracted.is_(True))
    )
