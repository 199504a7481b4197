"""GridDesk test suites; importable so `tests.botapi_double` can be shared (also by the bench)."""
