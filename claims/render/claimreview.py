"""schema.org ClaimReview JSON-LD, as Google's Fact Check markup guidelines describe it.

Required there: `claimReviewed`, `reviewRating.alternateName`, `url`; recommended:
`author`, `datePublished`, `itemReviewed` (a Claim with `author`, `datePublished`,
`appearance`), and the rating's `ratingValue`/`bestRating`/`worstRating`. "Disputed" and
"Unverifiable" get a name and no number: a point on a true-to-false scale would say
something the desk did not find (DESIGN.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from claims.core.status import CLAIMREVIEW_RATINGS, TERMINAL, Status
from claims.errors import InputError

if TYPE_CHECKING:
    from claims.store.interchange import ExportRow

CONTEXT = "https://schema.org"
BEST, WORST = 5, 1
PERSON_TYPES = frozenset({"politician", "official", "analyst"})


def _who(name: str, source_type: str | None) -> dict[str, str]:
    kind = "Person" if source_type in PERSON_TYPES else "Organization"
    return {"@type": kind, "name": name}


def _rating(status: Status, row: ExportRow) -> dict[str, Any]:
    rating = CLAIMREVIEW_RATINGS[status]
    out: dict[str, Any] = {"@type": "Rating", "alternateName": rating.alternate_name,
                           "name": rating.alternate_name}
    if rating.value is not None:
        out.update(ratingValue=rating.value, bestRating=BEST, worstRating=WORST)
    if status is Status.DISPUTED:
        out["ratingExplanation"] = disputed_explanation(row)
    return out


def disputed_explanation(row: ExportRow) -> str:
    """Name who disagrees: the sources of conflicting linked figures, else the claim's own."""
    own = row.claim.source
    others = [s for s in row.disagreeing if s != own]
    if others:
        names = ([own] if own else []) + others
        text = f"Sources disagree: {', '.join(names)}."
    elif own:
        text = f"Claimed by {own}; other sources disagree."
    else:
        text = "Sources disagree."
    return f"{text} {row.note}" if row.note else text


def _item(row: ExportRow) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    c = row.claim
    if c.source:
        item["author"] = _who(c.source, c.source_type)
    elif row.publisher:
        item["author"] = _who(row.publisher, None)
    if row.published:
        item["datePublished"] = row.published
    if row.url or row.title:
        appearance: dict[str, Any] = {"@type": "NewsArticle"}
        if row.url:
            appearance["url"] = row.url
        if row.title:
            appearance["headline"] = row.title
        if row.publisher:
            appearance["publisher"] = {"@type": "Organization", "name": row.publisher}
        if row.published:
            appearance["datePublished"] = row.published
        item["appearance"] = [appearance]
    return item


URL_EXAMPLE = "https://desk.example/checks/{id}"
# Characters that end or confuse a <script> block (`</script>`, `<!--`), or an HTML
# entity, written as JSON escapes: the text is the same JSON, safe inside HTML.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                            "\u2028": "\\u2028", "\u2029": "\\u2029"})


def embeddable_json(obj: Any) -> str:
    """JSON that can be pasted into `<script type="application/ld+json">` as it is.

    Claim text is written by others: a claim quoting `</script>` would close the
    block the docs tell desks to publish ClaimReview in, and the rest of the claim would
    become HTML. These characters only occur inside JSON strings, where `\\u003c` means
    exactly `<`, so every JSON parser reads the same data.
    """
    import json

    return json.dumps(obj, ensure_ascii=False, indent=2).translate(_HTML_SAFE) + "\n"


def check_options(
    review_url: str | None, organization: str | None, *, allow_incomplete: bool = False
) -> None:
    """ClaimReview that consumers accept needs the desk's own page (`url`) and the desk
    as author: the article's url and the reviewer's name, which stood in before, are
    what Google's Fact Check tools reject. `--allow-incomplete` exports without them.
    A `--review-url` template is checked here, before anything is read."""
    if review_url is not None:
        check_review_url(review_url)
    if allow_incomplete:
        return
    missing = []
    if not review_url:
        missing.append(f"--review-url (the desk's page for each review, e.g. {URL_EXAMPLE})")
    if not organization or not organization.strip():
        missing.append("--organization (the desk that publishes the reviews)")
    if missing:
        raise InputError(f"ClaimReview needs {' and '.join(missing)}; "
                         f"--allow-incomplete exports without")


def check_review_url(template: str) -> None:
    """A usage error (exit 2) for a template `str.format` cannot fill with the id."""
    try:
        template.format(id=1)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError) as error:
        detail = f"unknown field {{{error.args[0]}}}" if isinstance(error, KeyError) else (
            "a field without a name" if isinstance(error, IndexError) else str(error))
        raise InputError(f"--review-url {template!r}: {detail}; the only field is {{id}}, "
                         f"e.g. {URL_EXAMPLE}") from None


def claimreview_one(
    row: ExportRow, *, review_url: str | None = None, organization: str | None = None
) -> dict[str, Any]:
    status = Status(row.claim.status)
    out: dict[str, Any] = {"@context": CONTEXT, "@type": "ClaimReview"}
    url = review_url.format(id=row.claim.id) if review_url else row.url
    if url:
        out["url"] = url
    out["claimReviewed"] = row.claim.text
    out["itemReviewed"] = _item(row)
    out["reviewRating"] = _rating(status, row)
    if row.note:
        out["reviewBody"] = row.note
    if organization:
        out["author"] = {"@type": "Organization", "name": organization}
    elif row.reviewer:
        out["author"] = {"@type": "Person", "name": row.reviewer}
    if row.reviewed_at:
        out["datePublished"] = row.reviewed_at[:10]
    return out


def claimreview(
    rows: Iterable[ExportRow], *, review_url: str | None = None, organization: str | None = None
) -> list[dict[str, Any]]:
    """One ClaimReview per claim with a terminal verdict; the others are not published.

    `review_url` ("https://desk.example/checks/{id}") points each review at the desk's own
    fact-check page, which is what Google expects in `url`; without it the article's url
    stands in. `organization` makes the desk, not the reviewer, the review's author.
    """
    return [
        claimreview_one(row, review_url=review_url, organization=organization)
        for row in rows
        if row.claim.status in TERMINAL
    ]
