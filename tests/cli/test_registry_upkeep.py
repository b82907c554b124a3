"""Registry upkeep: rename, alias remove, set-type, merge and split, prune, and the log
that records each of them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.cli.conftest import Invoke

AIR = "Ukraine’s air force"
MIL = "Ukraine’s military"


def sources(invoke: Invoke) -> dict[str, dict[str, Any]]:
    result = invoke("sources", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return {s["name"]: s for s in json.loads(result.stdout)}


def claims_of(invoke: Invoke, source: str) -> list[int]:
    result = invoke("list", "--format", "json", "--source", source)
    assert result.exit_code == 0, result.stderr
    return [c["id"] for c in json.loads(result.stdout)]


def log(invoke: Invoke, *args: str) -> list[dict[str, Any]]:
    result = invoke("sources", "log", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_rename_keeps_the_old_name_as_an_alias(seeded: Invoke) -> None:
    before = claims_of(seeded, MIL)
    result = seeded("sources", "rename", "Ukraine's military", "Armed Forces of Ukraine",
                    "--reviewer", "ana")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (f"Renamed '{MIL}' to 'Armed Forces of Ukraine' ('{MIL}' stays as "
                             "an alias).\n")
    renamed = sources(seeded)["Armed Forces of Ukraine"]
    assert MIL in renamed["aliases"] and MIL not in sources(seeded)
    assert claims_of(seeded, "Armed Forces of Ukraine") == before == claims_of(seeded, MIL)
    assert [(e["action"], e["reviewer"], e["detail"]) for e in log(seeded)] == [
        ("rename", "ana", {"from": MIL, "to": "Armed Forces of Ukraine"})]
    # an alias of the same source may become its name: the alias goes
    again = seeded("sources", "rename", "Armed Forces of Ukraine", "Ukrainian military")
    assert again.exit_code == 0, again.stderr
    assert sources(seeded)["Ukrainian military"]["aliases"] == [MIL, "Armed Forces of Ukraine"]


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("Institute for the Study of War", "Error: 'Institute for the Study of War' is already "
         "source 'Institute for the Study of War' or one of its aliases; `claims sources merge` "
         "joins two sources\n"),
        ("isw", "Error: 'isw' is already source 'Institute for the Study of War' or one of its "
         "aliases; `claims sources merge` joins two sources\n"),
        ("  ", "Error: a source name cannot be empty\n"),
    ],
)
def test_rename_refuses_a_taken_or_empty_name(seeded: Invoke, new: str, message: str) -> None:
    result = seeded("sources", "rename", "Ukraine's military", new)
    assert (result.exit_code, result.stderr) == (2, message)
    assert log(seeded) == []


def test_alias_add_and_remove_are_recorded(seeded: Invoke) -> None:
    assert seeded("sources", "alias", "add", "ISW", "the Institute").exit_code == 0
    removed = seeded("sources", "alias", "remove", "ISW", "THE institute")
    assert removed.exit_code == 0
    assert removed.stderr == ("'the Institute' is no longer an alias of Institute for the "
                              "Study of War.\n")
    assert sources(seeded)["Institute for the Study of War"]["aliases"] == ["ISW"]
    assert [(e["action"], e["detail"]) for e in log(seeded, "--source", "ISW")] == [
        ("alias_add", {"alias": "the Institute"}), ("alias_remove", {"alias": "the Institute"})]
    missing = seeded("sources", "alias", "remove", "ISW", "IfSW")
    assert (missing.exit_code, missing.stderr) == (
        2, "Error: 'Institute for the Study of War' has no alias 'IfSW' (its aliases: ISW)\n")
    name = seeded("sources", "alias", "remove", "ISW", "Institute for the Study of War")
    assert name.exit_code == 2
    assert "`claims sources rename` changes it" in name.stderr


def test_set_type(seeded: Invoke) -> None:
    done = seeded("sources", "set-type", "ISW", "organisation")
    assert (done.exit_code, done.stderr) == (
        0, "Institute for the Study of War: think_tank → organisation.\n")
    assert sources(seeded)["Institute for the Study of War"]["type"] == "organisation"
    bad = seeded("sources", "set-type", "ISW", "blogger")
    assert bad.exit_code == 2 and bad.stderr.startswith("Error: unknown source type 'blogger'")
    same = seeded("sources", "set-type", "ISW", "organisation")
    assert same.stderr == ("Error: 'Institute for the Study of War' is already of type "
                           "organisation\n")


def test_split_undoes_the_last_merge_from_its_record(seeded: Invoke) -> None:
    air, mil = claims_of(seeded, AIR), claims_of(seeded, MIL)
    old = sources(seeded)
    assert seeded("sources", "merge", AIR, MIL, "--reviewer", "ana").exit_code == 0
    assert seeded("sources", "merge", AIR, "ISW", "--reviewer", "ana").exit_code == 0
    merged = sources(seeded)[AIR]
    assert MIL not in sources(seeded) and MIL in merged["aliases"]
    # a reviewer moves one of the merged claims elsewhere before the split
    seeded("correct", str(mil[0]), "--source", "none")

    first = seeded("sources", "split", AIR, "--reviewer", "bo")
    assert first.exit_code == 0, first.stderr
    assert first.stderr == (f"Split 'Institute for the Study of War' (think_tank) out of '{AIR}': "
                            "2 claims moved back.\n")
    second = seeded("sources", "split", AIR)
    assert second.stderr == (f"Split '{MIL}' ({old[MIL]['type']}) out of '{AIR}': 0 claims "
                             "moved back; 1 re-attributed since the merge stayed where they "
                             "are.\n")
    now = sources(seeded)
    assert sorted(now[AIR]["aliases"]) == sorted(old[AIR]["aliases"])
    assert now[MIL]["aliases"] == old[MIL]["aliases"]
    assert now["Institute for the Study of War"]["aliases"] == ["ISW"]
    assert claims_of(seeded, AIR) == air
    nothing = seeded("sources", "split", AIR)
    assert (nothing.exit_code, nothing.stderr) == (
        2, f"Error: nothing to split: no merge into '{AIR}' is recorded\n")
    actions = [(e["action"], e["source"]) for e in log(seeded)]
    assert actions == [("merge", AIR), ("merge", AIR), ("split", AIR), ("split", AIR)]
    assert log(seeded)[2]["detail"]["undoes"] == log(seeded)[1]["id"]


def test_prune_drops_sources_without_claims(seeded: Invoke) -> None:
    assert seeded("sources", "prune").stderr == "Every source has claims: nothing to prune.\n"
    for claim_id in claims_of(seeded, "DeepState"):
        seeded("correct", str(claim_id), "--source", "none")
    dry = seeded("sources", "prune", "--dry-run")
    assert dry.stderr == "Would prune 1 source with no claims:\n  DeepState\n"
    assert "DeepState" in sources(seeded)
    done = seeded("sources", "prune", "--reviewer", "ana")
    assert done.stderr == "Pruned 1 source with no claims:\n  DeepState\n"
    assert "DeepState" not in sources(seeded)
    assert [(e["action"], e["source"], e["detail"]["type"]) for e in log(seeded)] == [
        ("prune", "DeepState", "osint")]
    table = seeded("sources", "log")
    assert table.exit_code == 0 and "prune" in table.stdout and "DeepState" in table.stdout


def test_log_of_an_untouched_registry(seeded: Invoke) -> None:
    result = seeded("sources", "log")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "", "No registry changes recorded.\n")
