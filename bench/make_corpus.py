#!/usr/bin/env python3
"""Write a synthetic corpus of report texts for bench/run.sh (docs/performance.md).

    bench/make_corpus.py OUT_DIR [--mb 20] [--seed 15] [--rate 0.02] [--line]

Copies of the .txt reports in reports/, round after round until the corpus holds MB megabytes,
each copy with its digits perturbed (each digit replaced by another with probability RATE, from
a fixed seed), so that no two documents repeat the same figures and the checks and blame see
real discrepancies. From the second round on, each copy's regions (Bắc Kạn, Cao Bằng, Chợ Đồn) are
renamed to made-up names of that round, so the corpus is many regions' reports, as a real one is,
not one region's report stated 70 times (which makes the cross-report checks compare every pair of
copies: a cost and an output quadratic in the corpus); --same-regions keeps the names. --line writes one document instead: the copies joined into a single line
(every line break a space), the 50 MB single-line case. The same arguments give the same bytes.
"""
import argparse
import os
import random
import re
import sys

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--rate", type=float, default=0.02)
    ap.add_argument("--line", action="store_true")
    ap.add_argument("--same-regions", action="store_true")
    a = ap.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reports")
    reports = sorted(f for f in os.listdir(root) if f.endswith(".txt"))
    texts = [open(os.path.join(root, f), "rb").read() for f in reports]
    if not texts:
        sys.exit("make_corpus: no reports in " + root)
    rng = random.Random(a.seed)
    want = int(a.mb * 1024 * 1024)
    os.makedirs(a.out, exist_ok=True)
    digits = b"0123456789"

    syllables = ["Lạc", "Quế", "Thạch", "Vĩnh", "Ninh", "Tường", "Khánh", "Mỹ", "Nghĩa", "Phong",
                 "Quỳnh", "Sầm", "Uông", "Vân", "Xá", "Bích", "Cường", "Hạnh", "Kiều", "Luông"]
    regions = ["Bắc Kạn", "Cao Bằng", "Chợ Đồn"]

    def renamed(text, rnd):
        if rnd == 0 or a.same_regions:
            return text
        t = text.decode("utf-8")
        for i, name in enumerate(regions):
            k = 3 * rnd + i
            made = " ".join(syllables[(k // 20 ** j) % 20] for j in range(3))
            t = t.replace(name, made).replace(name.upper(), made.upper())
        return t.encode("utf-8")

    def digit(m):
        c = m.group(0)[0]
        if rng.random() < a.rate:
            return bytes([digits[(c - 48 + rng.randint(1, 9)) % 10]])
        return m.group(0)

    def perturb(text):
        return re.sub(rb"[0-9]", digit, text)

    total, n = 0, 0
    line = []
    while total < want:
        i = n % len(texts)
        body = perturb(renamed(texts[i], n // len(texts)))
        if a.line:
            body = body.replace(b"\r", b" ").replace(b"\n", b" ")
            body = body[: want - total] if total + len(body) > want else body
            line.append(body)
        else:
            name = "%03d-%s" % (n, reports[i])
            with open(os.path.join(a.out, name), "wb") as f:
                f.write(body)
        total += len(body)
        n += 1
    if a.line:
        data = b" ".join(line)
        # never cut inside a character
        while data and (data[-1] & 0xC0) == 0x80:
            data = data[:-1]
        if data and data[-1] >= 0xC0:
            data = data[:-1]
        with open(os.path.join(a.out, "line.txt"), "wb") as f:
            f.write(data)
    print(f"{a.out}: {n} copies, {total / 1048576:.1f} MB")

if __name__ == "__main__":
    main()
