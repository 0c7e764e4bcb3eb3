#!/usr/bin/env python3
"""Runs the steps of a GitHub Actions job on this machine (test helper).

Each `run:` step runs with bash in --workspace, in order, as the job would;
a step with `if: always()` runs after a failure too, any other is skipped
then. Steps whose id is given with --skip (those that need the network or
that the test did itself) are skipped. Of the `uses:` steps, checkout is
the workspace itself and upload-sarif checks that its file is there. Prints
one line per step with its exit status; exits 1 if a step failed.
"""
import argparse
import os
import subprocess
import sys

import yaml


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("workflow")
    parser.add_argument("--job", required=True)
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--skip", action="append", default=[])
    args = parser.parse_args()
    with open(args.workflow) as stream:
        job = yaml.safe_load(stream)["jobs"][args.job]
    env = dict(os.environ, GITHUB_WORKSPACE=args.workspace,
               **{k: str(v) for k, v in job.get("env", {}).items()})
    failed = False
    for step in job["steps"]:
        name = step.get("name") or step.get("uses")
        if step.get("id") in args.skip:
            print("skipped: %s" % name)
            continue
        if failed and "always()" not in str(step.get("if", "")):
            print("not run after a failure: %s" % name)
            continue
        if "uses" in step:
            action = step["uses"].split("@")[0]
            if action == "github/codeql-action/upload-sarif":
                path = os.path.join(args.workspace, step["with"]["sarif_file"])
                status = 0 if os.path.isfile(path) else 1
            else:
                status = 0  # checkout: the workspace is already there
        else:
            status = subprocess.run(["bash", "-eo", "pipefail", "-c",
                                     step["run"]], cwd=args.workspace,
                                    env=env).returncode
        print("step %s: exit %d" % (name, status), flush=True)
        failed |= status != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
