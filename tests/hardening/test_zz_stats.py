exec(open("/tmp/stats_patch.py").read())
from tests.hardening.test_property import test_random_and_adversarial_updates_keep_every_invariant  # noqa
