"""Builds docs/cli-reference.md from the commands' own help (run through cog)."""

from __future__ import annotations


def command_paths() -> list[list[str]]:
    """Every command and sub-command, in the order `claims --help` lists them."""
    from typer.main import get_command

    from claims.cli import get_app

    root = get_command(get_app())
    paths: list[list[str]] = []

    def walk(cmd: object, prefix: list[str]) -> None:
        sub = getattr(cmd, "commands", None)
        if prefix:
            paths.append(prefix)
        if sub:
            for name in sub:
                walk(sub[name], [*prefix, name])

    walk(root, [])
    return paths


def reference() -> str:
    from typer.testing import CliRunner

    from claims.cli import get_app

    runner = CliRunner()
    app = get_app()
    out = []
    for path in [[], *command_paths()]:
        result = runner.invoke(app, [*path, "--help"], prog_name="claims", terminal_width=88)
        title = " ".join(["claims", *path])
        out.append(f"\n## `{title}`\n\n```\n{result.output.rstrip()}\n```\n")
    return "".join(out)
