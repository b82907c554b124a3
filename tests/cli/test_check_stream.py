"""`check-consistency` streams its report: the same bytes and exit codes as rendering the
whole list of findings, whichever format, filter or spool size."""

from __future__ import annotations

import pytest

from claims.config import resolve_db
from claims.core.reconcile import consistency
from claims.core.reconcile.consistency import check
from claims.render import CheckFormat
from claims.render.checks import gate_exit_code
from claims.store import open_store
from claims.store.article_lookup import resolve_article
from claims.store.relations import check_inputs
from tests.cli.conftest import Invoke

FILTERS = [(), ("--relations", "accepted"), ("--article", "seed-nato-oreshnik.txt"),
           ("--article", "oreshnik")]


def expected(fmt: CheckFormat, fail_on: str, *filters: str) -> tuple[str, int]:
    kw: dict[str, str | int] = dict(zip((f.lstrip("-") for f in filters[::2]), filters[1::2],
                                        strict=True))
    with open_store(resolve_db(None)) as store:
        if "article" in kw:
            kw["article"] = resolve_article(store, str(kw["article"])).id
        findings = check(*check_inputs(store, **kw))  # type: ignore[arg-type]
    return fmt.render(findings), gate_exit_code(findings, fail_on)


@pytest.mark.parametrize("fmt", list(CheckFormat))
def test_report_equals_the_rendered_list(seeded: Invoke, fmt: CheckFormat) -> None:
    key = next(line.rsplit("[", 1)[1].split("]")[0]
               for line in seeded("check-consistency").stdout.splitlines() if "partition" in line)
    assert seeded("ack", key, "--note", "as <reported> & \"known\"").exit_code == 0
    for filters in FILTERS:
        for fail_on in ("error", "warning", "never"):
            result = seeded("check-consistency", "--format", fmt.value, "--fail-on", fail_on,
                            *filters)
            assert (result.stdout, result.exit_code) == expected(fmt, fail_on, *filters)
            assert result.stderr == ""


def test_a_report_larger_than_the_memory_spool_is_the_same(
    seeded: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claims.cli.consistency as cmd

    whole = seeded("check-consistency", "--format", "sarif").stdout
    monkeypatch.setattr(cmd, "SPOOL_IN_MEMORY", 16)
    result = seeded("check-consistency", "--format", "sarif")
    assert result.stdout == whole and len(whole) > 1000
    assert result.exit_code == 0


def test_an_error_halfway_prints_no_partial_report(
    seeded: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = consistency.check_one
    seen: list[int] = []

    def second_fails(*args: object) -> object:
        seen.append(1)
        if len(seen) == 2:
            raise RuntimeError("disk on fire")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(consistency, "check_one", second_fails)
    result = seeded("check-consistency", "--format", "text")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == (
        "Error: unexpected RuntimeError: disk on fire (run with --debug for the traceback)\n")
