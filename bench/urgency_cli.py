"""Train the urgency model or cross-validate it on the labelled sets in tests/nlp/data.

python -m bench.urgency_cli train   # rewrites nlp/urgency_ngrams.txt
python -m bench.urgency_cli cv      # leave one labelled set out, per threshold
python -m bench.urgency_cli firstpass  # each blind urgency set as if unseen (first-pass rules)
python -m bench.urgency_cli verdicts FILE  # the rules' verdicts on a new set, first-pass lines
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.urgency_scoring import (
    cross_validate,
    first_pass_lines,
    first_passes,
    fold_lines,
    rules_verdict,
)
from bench.urgency_training import PHRASINGS, labelled_sets, train_all
from models.config.loader import load_config
from nlp.router import Router
from nlp.rules import load_rules
from nlp.urgency_model import BUNDLED_MODEL

DATA = Path(__file__).resolve().parents[1] / "tests" / "nlp" / "data"


def main(argv: list[str]) -> None:
    config = load_config()
    router = Router(config, load_rules(None, config.taxonomy))  # the rules alone
    command = argv[0] if argv else "train"
    if command == "verdicts" and len(argv) == 2:  # the rules only: no labelled set is read
        path = Path(argv[1])
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            verdict = rules_verdict(router, router.urgency_text(item["text"]))
            print(f"{path.stem}\t{item['id']}\t{verdict}")
        return
    sets = labelled_sets(DATA, router)
    if command == "train":
        BUNDLED_MODEL.write_text(train_all(sets).dumps(), encoding="utf-8")
        print(f"wrote {BUNDLED_MODEL.name}: {sum(len(v) for v in sets.values())} texts")
    elif command == "cv":
        held_out = [name for name in sets if name != Path(PHRASINGS).stem]
        print("\n".join(fold_lines(cross_validate(router, sets, held_out))))
    elif command == "firstpass":
        print("\n".join(first_pass_lines(first_passes(DATA, router, sets))))
    else:
        raise SystemExit("usage: python -m bench.urgency_cli train|cv|firstpass|verdicts FILE")


if __name__ == "__main__":
    main(sys.argv[1:])
