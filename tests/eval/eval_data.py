"""What the evaluation scripts share: where the repository, the evaluation data and supportctl
are, and reading their files. Only the Python standard library is used."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def default_data_dir():
    """$SUPPORT_EVAL_DATA, else ../shared/data resolved from the repository root."""
    return os.environ.get("SUPPORT_EVAL_DATA") or os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))


def need_file(path, source):
    """The path, or exit naming the missing file and where it comes from."""
    if not os.path.exists(path):
        sys.exit(f"missing {path}\n  (it comes from {source}; set SUPPORT_EVAL_DATA to the folder holding the evaluation data)")
    return path


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def default_supportctl():
    return os.environ.get("SUPPORTCTL") or os.path.join(ROOT, "build", "native", "tools", "supportctl", "supportctl")
