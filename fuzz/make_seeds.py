#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, from reports/, fixtures/ and fuzz/seeds/ (issue 14).

  fuzz/make_seeds.py OUTDIR   writes OUTDIR/<target>/<name> for every target.

Texts are cut at line ends into pieces of at most MAX bytes (the targets run with -max_len), so
that every report line reaches the fuzzer; the .docx seeds are document.xml bodies built from
the same pieces (the target zips them), plus a few whole zipped .docx files.
"""
import hashlib, io, os, re, sys, zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX = 1800
CLAIMS_MAX = 400

def texts():
    for base in ("reports", "fixtures"):
        for d, _, files in os.walk(os.path.join(ROOT, base)):
            for f in sorted(files):
                if f.endswith((".txt", ".md")):
                    yield os.path.join(d, f)

def pieces(data, limit=MAX):
    out, cur = [], b""
    for line in data.splitlines(keepends=True):
        if len(line) > limit:  # a long paragraph: cut after a sentence (". ") that fits
            while len(line) > limit:
                cut = line.rfind(b". ", 0, limit)
                cut = cut + 2 if cut > 0 else limit
                if cur: out.append(cur); cur = b""
                out.append(line[:cut]); line = line[cut:]
        if len(cur) + len(line) > limit and cur:
            out.append(cur); cur = b""
        cur += line
    if cur: out.append(cur)
    return out

def put(outdir, target, data):
    d = os.path.join(outdir, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def document_xml(text, table=False):
    paras = []
    for i, line in enumerate(text.decode("utf-8", "replace").splitlines()):
        runs = "".join('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(w) for w in line.split("  "))
        if i == 1: runs += '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>'
        if i == 2: runs += '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:br/></w:r><w:r><w:tab/></w:r>'
        paras.append("<w:p>%s</w:p>" % runs)
    if table and paras:
        cells = "".join("<w:tc>%s</w:tc>" % p for p in paras[:4])
        paras.append("<w:tbl><w:tr>%s</w:tr></w:tbl>" % cells)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s</w:body></w:document>'
            % (W, "".join(paras))).encode()

FOOTNOTES = ('<?xml version="1.0" encoding="UTF-8"?><w:footnotes %s><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:t>Số liệu ước tính 1.234,5 tỷ đồng.</w:t></w:r></w:p></w:footnote></w:footnotes>' % W).encode()

def main():
    outdir = sys.argv[1]
    numbers = set()
    n = 0
    for path in texts():
        data = open(path, "rb").read()
        # Claims and checks cost about 5 ms a KB under the sanitizers: short pieces keep the
        # target fast enough for millions of runs (fuzz.sh runs it with -max_len=CLAIMS_MAX).
        for p in pieces(data, CLAIMS_MAX):
            put(outdir, "fuzz_claims", p)
        for p in pieces(data):
            put(outdir, "fuzz_load", p)
            if n % 4 == 0:
                xml = document_xml(p, table=n % 8 == 0)
                put(outdir, "fuzz_docx", xml + (b"\0" + FOOTNOTES if n % 16 == 0 else b""))
            n += 1
        numbers.update(re.findall(rb"\d[\d.,]*\d|\d", data))
    for w in sorted(numbers)[:4000]:
        put(outdir, "fuzz_number", w)
    for extra in (b"310.00", b"9223372036854775808.1", b"2.850,4,5", b"1,234.5", b"97.5", b"0,000001"):
        put(outdir, "fuzz_number", extra)
    # Encodings the loader must recognise.
    sample = "Tổng mức bán lẻ đạt 12.345,6 tỷ đồng, tăng 10,5% so với cùng kỳ.\n"
    for enc in ("utf-16-le", "utf-16-be", "utf-8-sig"):
        b = sample.encode(enc)
        if enc.startswith("utf-16"): b = ("\ufeff" + sample).encode(enc)
        put(outdir, "fuzz_load", b)
    # Whole .docx files (the zip layer).
    for i, path in enumerate(list(texts())[:6]):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
            z.writestr("word/document.xml", document_xml(open(path, "rb").read()[:MAX]))
            if i % 2 == 0: z.writestr("word/footnotes.xml", FOOTNOTES)
        put(outdir, "fuzz_docx", buf.getvalue())
    seeds = os.path.join(ROOT, "fuzz", "seeds", "config")
    for f in sorted(os.listdir(seeds)):
        put(outdir, "fuzz_config", open(os.path.join(seeds, f), "rb").read())
    for f in ("fixtures/report/sample.json", "fixtures/cross/hierarchy/consistent/regions.json"):
        put(outdir, "fuzz_config", open(os.path.join(ROOT, f), "rb").read()[:65536])

if __name__ == "__main__":
    main()
