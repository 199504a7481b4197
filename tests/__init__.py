"""GridDesk test suites."""
