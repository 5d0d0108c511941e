#!/usr/bin/python3
"""Runs the ONNX checker (full_check=True: also strict shape inference) on model files.

Usage: /usr/bin/python3 scripts/onnx-check.py MODEL.onnx [MODEL.onnx ...]
Prints one JSON line per model, {"path", "ok", "error"}, and exits 1 if any model fails.
Needs the `onnx` Python package (Debian: apt-get install -y python3-onnx).
"""
import json
import sys


def main(paths):
    try:
        import onnx
    except ImportError as e:
        print(json.dumps({"path": None, "ok": False,
                          "error": f"cannot import onnx ({e}); install python3-onnx (apt-get install -y python3-onnx)"}))
        return 2
    if not paths:
        print("usage: onnx-check.py MODEL.onnx [MODEL.onnx ...]", file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        try:
            onnx.checker.check_model(onnx.load(path), full_check=True)
            result = {"path": path, "ok": True, "error": None}
        except Exception as e:  # the checker raises several exception types; report them all the same way
            failed = True
            result = {"path": path, "ok": False, "error": f"{type(e).__name__}: {e}".strip()}
        print(json.dumps(result), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
