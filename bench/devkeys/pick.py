#!/usr/bin/env python3
"""Pick 20 articles of /work/devcorpus for hand-keying.

Rule: take the sorted list of *.txt files; drop every article with fewer than 3
"figures-with-relations candidates", where a candidate is a sentence (split on . ; ! ? and
newlines, with the dot only a sentence end when followed by a space and an upper-case letter
or by end of line) that holds at least two numbers AND one relation cue (%, chiếm, so với,
trong đó, gồm, điểm phần trăm, đạt, bằng, tăng, giảm, or a digit/digit slash).
Then random.Random(20261207).sample(eligible, 20); print the names sorted.
"""
import os, random, re, sys

D = "/work/devcorpus"
NUM = re.compile(r"\d+(?:[.,]\d+)*")
CUE = re.compile(r"%|chiếm|so với|trong đó|gồm|điểm phần trăm|đạt|bằng|tăng|giảm|\d\s*/\s*\d", re.I)
SPLIT = re.compile(r"(?<=[;!?])\s+|\.\s+(?=[A-ZÀ-Ỹ\"“])|\n")


def candidates(text):
    n = 0
    for s in SPLIT.split(text):
        if len(NUM.findall(s)) >= 2 and CUE.search(s):
            n += 1
    return n


def main():
    files = sorted(f for f in os.listdir(D) if f.endswith(".txt"))
    eligible = [f for f in files
                if candidates(open(os.path.join(D, f), encoding="utf-8").read()) >= 3]
    pick = random.Random(20261207).sample(eligible, 20)
    print(f"# {len(files)} files, {len(eligible)} eligible (>=3 candidates)", file=sys.stderr)
    for f in sorted(pick):
        print(f)


if __name__ == "__main__":
    main()
