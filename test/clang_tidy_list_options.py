#!/usr/bin/env python3
"""clang-tidy of LLVM 14 for the tests: runs the clang-tidy named by
ASYNCTIDY_REAL_CLANG_TIDY with each -config=... rewritten from the mapping
form of CheckOptions ({CheckOptions: {name: value}}, read since LLVM 15) to
the list form that LLVM 14 reads ({CheckOptions: [{key: name, value:
value}]}), so that the tests keep the form users of newer versions write.
With ASYNCTIDY_LOAD_MODULE set, it also loads that module: run-clang-tidy 14
cannot pass -load; the --use-color that run-clang-tidy 14 always passes is
dropped, so that the tests read plain text."""
import json
import os
import sys

import yaml


def as_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def rewrite(config):
    data = yaml.safe_load(config)
    options = data.get("CheckOptions") if isinstance(data, dict) else None
    if not isinstance(options, dict):
        return config
    data["CheckOptions"] = [{"key": k, "value": as_text(v)}
                            for k, v in options.items()]
    return json.dumps(data)


def main():
    args = []
    for arg in sys.argv[1:]:
        if arg == "--use-color":
            continue
        for prefix in ("-config=", "--config="):
            if arg.startswith(prefix):
                arg = prefix + rewrite(arg[len(prefix):])
        args.append(arg)
    real = os.environ["ASYNCTIDY_REAL_CLANG_TIDY"]
    module = os.environ.get("ASYNCTIDY_LOAD_MODULE")
    if module and not any(a.startswith("-load") for a in args):
        args.insert(0, "-load=" + module)
    os.execv(real, [real] + args)


if __name__ == "__main__":
    main()
