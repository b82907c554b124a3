"""`python -m claims`."""

from claims.cli import main

if __name__ == "__main__":  # worker processes import this module again; they must not run
    main()
