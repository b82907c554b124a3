"""The registry users see: one source per party, qualified names, no merges by bare names."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import SEED, Invoke


def registry(invoke: Invoke) -> dict[str, dict]:
    result = invoke("sources", "--format", "json")
    assert result.exit_code == 0, result.output
    return {s["name"]: s for s in json.loads(result.stdout)}


def source_of(invoke: Invoke, fragment: str) -> str:
    rows = json.loads(invoke("list", "--format", "json").stdout)
    return next(r["source"] for r in rows if fragment in r["text"])


def test_seed_role_mention_and_its_named_holder_are_one_source(seeded: Invoke) -> None:
    sources = registry(seeded)
    holders = [s for s in sources.values()
               if "the head of the regional defense headquarters" in s["aliases"]]
    assert [s["name"] for s in holders] == ["Serhiy Nadal"]
    assert sources["Serhiy Nadal"]["aliases"] == [  # a surname alone is no registry alias
        "head of the Ternopil Region Defence Council headquarters",
        "Ternopil Region Defence Council headquarters",
        "the head of the regional defense headquarters",
    ]
    assert sources["Serhiy Nadal"]["claims"] == 3
    assert not any(name.lower().startswith("head of") for name in sources)


def test_seed_has_one_air_force(seeded: Invoke) -> None:
    sources = registry(seeded)
    air = [s for s in sources.values()
           if "air force" in " ".join([s["name"], *s["aliases"]]).lower()]
    assert [(s["name"], s["type"], s["aliases"], s["claims"]) for s in air] == [
        ("Ukraine’s air force", "military", ["Ukrainian air force"], 2)
    ]
    assert source_of(seeded, "lost track of 96") == "Ukraine’s air force"
    assert source_of(seeded, "air raid alert for hours") == "Ukraine’s air force"


def test_seed_extract_keeps_the_articles_wordings_as_aliases(invoke: Invoke) -> None:
    result = invoke("extract", str(SEED), "--format", "json")
    sources = {s["name"]: s for s in json.loads(result.stdout)["sources"]}
    assert sources["Ukraine’s air force"]["aliases"] == ["Ukrainian air force", "The air force"]
    assert "the head of the regional defense headquarters" in sources["Serhiy Nadal"]["aliases"]
    assert sources["Russian defense ministry"]["aliases"] == ["The defense ministry",
                                                             "defense ministry"]


def test_bare_finance_ministries_of_two_countries_stay_two(
    invoke: Invoke, tmp_path: Path
) -> None:
    ostria = tmp_path / "ostria.txt"
    ostria.write_text("Budget passes\nOstrian lawmakers approved the budget on Monday.\n"
                      "The finance ministry said the deficit would be 2.1% of output.\n")
    velmar = tmp_path / "velmar.txt"
    velmar.write_text("Spending rises\nVelmar’s parliament passed the spending plan.\n"
                      "The finance ministry said spending would rise by 4%.\n")
    assert invoke("ingest", str(ostria), str(velmar)).exit_code == 0
    sources = registry(invoke)
    assert [(s["name"], s["claims"]) for s in sources.values()] == [
        ("Ostrian finance ministry", 1),
        ("Velmar finance ministry", 1),
    ]


def test_bare_names_without_a_country_are_one_source_each(
    invoke: Invoke, tmp_path: Path
) -> None:
    paths = []
    for name, sentence in (("a.txt", "the deficit would be 3%"), ("b.txt", "revenue rose 5%")):
        path = tmp_path / name
        path.write_text(f"Deficit\nThe finance ministry said {sentence}.\n"
                        f"Analysts said growth would slow to 1%.\n")
        paths.append(str(path))
    assert invoke("ingest", *paths).exit_code == 0
    assert [(s["name"], s["aliases"], s["claims"]) for s in registry(invoke).values()] == [
        ("Analysts", [], 2),
        ("Finance ministry", [], 2),
    ]
    assert invoke("ingest", *paths).exit_code == 0  # idempotent: nothing new
    assert len(registry(invoke)) == 2
