"""ClaimReview that a desk can publish (issue 15): safe inside the `<script>` block the
docs recommend, with the desk's page and name required, and the reviewer's note."""

from __future__ import annotations

import json

import extruct
import pytest

from claims.config import resolve_db
from claims.render.claimreview import embeddable_json
from claims.store import open_store
from claims.store.tables import claim
from tests.cli.test_interchange import DESK, desk, run  # noqa: F401

HOSTILE = ('The ministry said </script><script>alert("x")</script> 188 drones & '
           '<!-- more --> launched </SCRIPT > on 1 < 2 > 0 \u2028 nights.')


def _set_text(claim_id: int, text: str) -> None:
    with open_store(resolve_db(None)) as store, store.write() as conn:
        conn.execute(claim.update().where(claim.c.id == claim_id).values(text=text))


def test_each_review_embedded_in_a_script_block_parses_with_a_json_ld_extractor(
    desk: None,  # noqa: F811
) -> None:
    _set_text(1, HOSTILE)
    result = run("export", "--format", "claimreview", *DESK)
    assert result.exit_code == 0, result.stderr
    assert not {"<", ">", "&", "\u2028"} & set(result.stdout)
    reviews = json.loads(result.stdout)
    assert reviews[0]["claimReviewed"] == HOSTILE  # the same data for any JSON parser
    for review, body in zip(reviews, _items(result.stdout), strict=True):
        page = (f"<!doctype html><html><head><title>Check</title>"
                f'<script type="application/ld+json">{body}</script></head>'
                f"<body><p>Our check.</p></body></html>")
        found = extruct.extract(page, syntaxes=["json-ld"], errors="strict")["json-ld"]
        assert found == [review]


def _items(text: str) -> list[str]:
    """Each element of the exported array, as the exported text has it."""
    decoder, items = json.JSONDecoder(), []
    pos = text.index("[") + 1
    while True:
        while text[pos] in " \n,":
            pos += 1
        if text[pos] == "]":
            return items
        _, end = decoder.raw_decode(text, pos)
        items.append(text[pos:end])
        pos = end


def test_the_unescaped_json_would_break_the_page() -> None:
    """What the test above guards against: plain JSON ends the script block early."""
    plain = json.dumps({"@context": "https://schema.org", "claimReviewed": HOSTILE})
    page = f'<html><head><script type="application/ld+json">{plain}</script></head></html>'
    with pytest.raises(json.JSONDecodeError):
        extruct.extract(page, syntaxes=["json-ld"], errors="strict")
    safe = embeddable_json({"@context": "https://schema.org", "claimReviewed": HOSTILE})
    page = f'<html><head><script type="application/ld+json">{safe}</script></head></html>'
    assert extruct.extract(page, syntaxes=["json-ld"], errors="strict")["json-ld"] == [
        json.loads(safe)]


@pytest.mark.parametrize(("options", "missing"), [
    ((), "--review-url (the desk's page for each review, e.g. "
         "https://desk.example/checks/{id}) and --organization (the desk that publishes the "
         "reviews)"),
    (("--organization", "Desk"), "--review-url (the desk's page for each review, e.g. "
                                 "https://desk.example/checks/{id})"),
    (("--review-url", "https://d.example/{id}"), "--organization (the desk that publishes "
                                                 "the reviews)"),
    (("--review-url", "https://d.example/{id}", "--organization", " "),
     "--organization (the desk that publishes the reviews)"),
])
def test_review_url_and_organization_are_required(
    desk: None, options: tuple[str, ...], missing: str,  # noqa: F811
) -> None:
    result = run("export", "--format", "claimreview", *options)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"Error: ClaimReview needs {missing}; --allow-incomplete exports without\n")
    allowed = run("export", "--format", "claimreview", *options, "--allow-incomplete")
    assert allowed.exit_code == 0 and json.loads(allowed.stdout)
    assert run("export", "--format", "json", *options).exit_code == 0  # ClaimReview only


@pytest.mark.parametrize(("template", "detail"), [
    ("https://d.example/{bogus}", "unknown field {bogus}"),
    ("https://d.example/{}", "a field without a name"),
    ("https://d.example/{id", "expected '}' before end of string"),
    ("https://d.example/{id:q}", "Unknown format code 'q' for object of type 'int'"),
])
def test_a_bad_review_url_template_is_a_usage_error(
    desk: None, template: str, detail: str,  # noqa: F811
) -> None:
    result = run("export", "--format", "claimreview", "--review-url", template,
                 "--organization", "Desk")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"Error: --review-url {template!r}: {detail}; the only field is "
                             "{id}, e.g. https://desk.example/checks/{id}\n")


def test_the_reviewers_note_is_the_review_body(desk: None) -> None:  # noqa: F811
    assert run("verify", "3", "--status", "refuted", "--note", "The count was 96 & <b>not</b> "
               "99.", "--reviewer", "ana").exit_code == 0
    reviews = json.loads(run("export", "--format", "claimreview", *DESK).stdout)
    assert [r.get("reviewBody") for r in reviews] == [None, "The count was 96 & <b>not</b> 99."]
