"""Independent reading of Fashion-MNIST IDX files for FashionMnistTest: Python's gzip, struct and
hashlib only (no NumPy, no gdcert code).

    fashion_stats.py IMAGES.gz LABELS.gz

prints one line per fact: magic and dimensions from the headers, the SHA-256 of the first image's
784 bytes, the sum of all pixels of the first 1000 images, the first 20 labels, and the per-class counts.
"""
import gzip
import hashlib
import struct
import sys

with gzip.open(sys.argv[1], "rb") as f:
    images = f.read()
with gzip.open(sys.argv[2], "rb") as f:
    labels = f.read()

magic, count, rows, cols = struct.unpack(">IIII", images[:16])
lmagic, lcount = struct.unpack(">II", labels[:8])
size = rows * cols
print("images %d %d %d %d" % (magic, count, rows, cols))
print("labels %d %d" % (lmagic, lcount))
print("first_sha256 " + hashlib.sha256(images[16:16 + size]).hexdigest())
print("sum_first_1000 %d" % sum(images[16:16 + 1000 * size]))
print("first_labels " + ",".join(str(b) for b in labels[8:28]))
counts = [0] * 10
for b in labels[8:]:
    counts[b] += 1
print("counts " + ",".join(str(c) for c in counts))
