"""The township's intake takes shortcuts for speed; each gives the same answer as the plain
check it stands for, on genuine and hostile text alike."""

import random

from reopen_desktop.township import intake


def test_the_quick_search_for_suspect_values_finds_what_the_pattern_finds():
    samples = [b"", b"1234567890123", b"123456789012", b"1e5", b"1E-5", b"1e+5", b"1-5",
               b"e5", b"1e", b'"\\ud800"', b'"\\uD83D"', b'"\\u0041"', b"\\ud", b"1e-+5",
               '{"name": "发热 1e"}'.encode(), b"x" * 100 + b"9" * 13]
    rng = random.Random(15)
    alphabet = b'0123456789eE+-\\uUdD8aFf x",:{}[]' + "发热".encode()
    samples += [bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
                for _ in range(20_000)]
    samples += [bytes(rng.choice(b"0123456789e") for _ in range(rng.randint(10, 30)))
                for _ in range(2_000)]
    found = [intake.suspect(raw) for raw in samples]
    assert found == [intake._RAW_SUSPECT.search(raw) is not None for raw in samples]
    assert 1_000 < sum(found) < len(samples)  # both answers are met often
