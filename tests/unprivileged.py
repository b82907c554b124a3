"""Running a command as an unprivileged user, for tests of file permissions.

The suite runs as root, and root ignores file permissions, so a read-only file is only
read-only to another user. `nobody` is used; where nobody cannot reach this Python (a
pyenv under /root, mode 0700), it runs as nobody holding one capability,
CAP_DAC_READ_SEARCH: it may read and search every file and folder, but writes only where
nobody may, which is what tests of read-only databases need. Tests of unreadable files
cannot use that fallback (`plain_nobody`).
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys

import pytest

_PROBE = ("-c", "import claims")


def _works(prefix: list[str]) -> bool:
    try:
        proc = subprocess.run([*prefix, sys.executable, *_PROBE], capture_output=True,
                              check=False, timeout=120)
    except OSError:
        return False
    return proc.returncode == 0


def plain_nobody() -> list[str]:
    """`runuser -u nobody --`, or a skip saying why it cannot run `claims` here."""
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("needs root and runuser to run a command as nobody")
    prefix = ["runuser", "-u", "nobody", "--"]
    if not _works(prefix):
        pytest.skip("nobody cannot run this Python or import claims")
    return prefix


def nobody_who_reads() -> list[str]:
    """A prefix that runs a command as nobody, able to read everything, write nothing of
    root's; or a skip saying why no unprivileged user can be used here."""
    if os.geteuid() != 0:
        pytest.skip("needs root to run a command as another user")
    prefix = ["runuser", "-u", "nobody", "--"]
    if shutil.which("runuser") and _works(prefix):
        return prefix
    if shutil.which("setpriv") is None:
        pytest.skip("nobody cannot run this Python, and setpriv is missing")
    try:
        gid = pwd.getpwnam("nobody").pw_gid
    except KeyError:
        pytest.skip("no user 'nobody' on this system")
    prefix = ["setpriv", "--reuid=nobody", f"--regid={gid}", "--clear-groups",
              "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"]
    if not _works(prefix):
        pytest.skip("nobody cannot run this Python, even with read access to every file")
    return prefix
