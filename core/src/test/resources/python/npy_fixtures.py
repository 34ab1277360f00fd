"""NumPy side of gdcert's .npy tests (core NpyTest).

    npy_fixtures.py write DIR          writes .npy files with NumPy for gdcert to read
    npy_fixtures.py check FILE KIND    loads a file gdcert wrote and checks shape, dtype and values

The test values are defined here and, independently, in NpyTest:
    pattern(r, c)[i, j] = (i*c + j) * 0.5 - 1.25, except [0, 0] = pi and [r-1, c-1] = -1e-300
"""
import math
import os
import sys

import numpy as np


def pattern(r, c):
    a = (np.arange(r * c, dtype=np.float64) * 0.5 - 1.25).reshape(r, c)
    if r * c:
        a[0, 0] = math.pi
        a[r - 1, c - 1] = -1e-300
    return a


def write(d):
    np.save(os.path.join(d, "f8.npy"), pattern(3, 4))
    np.save(os.path.join(d, "f4.npy"), pattern(3, 4).astype(np.float32))
    np.save(os.path.join(d, "i8.npy"), np.arange(-3, 3, dtype="<i8"))
    np.save(os.path.join(d, "i4.npy"), np.array([[1, -2, 3], [-4, 5, -6]], dtype="<i4"))
    np.save(os.path.join(d, "u1.npy"), np.array([0, 1, 128, 255], dtype=np.uint8))
    np.save(os.path.join(d, "bool.npy"), np.array([True, False, True]))
    np.save(os.path.join(d, "big.npy"), np.array([1.5, -2.25], dtype=">f8"))
    np.save(os.path.join(d, "fortran.npy"), np.asfortranarray(pattern(3, 4)))
    np.save(os.path.join(d, "fortran3.npy"), np.asfortranarray(np.arange(24, dtype=np.float64).reshape(2, 3, 4)))
    np.save(os.path.join(d, "images.npy"), np.arange(30, dtype=np.uint8).reshape(5, 2, 3))
    np.save(os.path.join(d, "empty.npy"), np.zeros((0, 3)))
    with open(os.path.join(d, "v2.npy"), "wb") as f:
        np.lib.format.write_array(f, pattern(2, 5), version=(2, 0))
    # sanity: what NumPy wrote is what it reads
    assert np.load(os.path.join(d, "fortran.npy")).flags.f_contiguous
    print("ok")


def check(path, kind):
    a = np.load(path, allow_pickle=False)
    with open(path, "rb") as f:
        version = np.lib.format.read_magic(f)
    if kind == "f8":
        assert a.dtype == np.dtype("<f8"), a.dtype
        assert a.shape == (3, 4), a.shape
        assert np.array_equal(a, pattern(3, 4)), a
    elif kind == "f4":
        assert a.dtype == np.dtype("<f4"), a.dtype
        assert a.shape == (3, 4), a.shape
        assert np.array_equal(a, pattern(3, 4).astype(np.float32)), a
    elif kind == "vec":
        assert a.dtype == np.dtype("<f8"), a.dtype
        assert a.shape == (7,), a.shape
        assert np.array_equal(a, np.arange(7) * 0.5 - 1.25), a
    elif kind == "ints":
        assert a.dtype == np.dtype("<i8"), a.dtype
        assert np.array_equal(a, np.array([0, 9, -1, 2**31 - 1, -2**31])), a
    elif kind == "empty":
        assert a.shape == (0, 3), a.shape
    else:
        raise SystemExit("unknown kind " + kind)
    print("ok %s %s %d.%d" % (a.dtype.str, a.shape, version[0], version[1]))


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2])
    elif sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit("usage: npy_fixtures.py write DIR | check FILE KIND")
