#!/usr/bin/env python3
"""Prints a SARIF log as lines that FileCheck can match (test helper)."""
import json
import sys


def where(location):
    physical = location["physicalLocation"]
    region = physical["region"]
    return "%s:%s:%s" % (physical["artifactLocation"]["uri"],
                         region.get("startLine"), region.get("startColumn"))


def main():
    validation = sys.argv[1] == "--validation"
    path = sys.argv[-1]
    log = json.load(sys.stdin if path == "-" else open(path))
    if validation:
        levels = [r.get("level", "warning") for run in log["runs"]
                  for r in run.get("results", [])]
        for run in log["runs"]:
            for r in run.get("results", []):
                if r.get("level", "warning") in ("error", "warning"):
                    print("finding:", r["ruleId"], r.get("message"))
        print("validation: %d errors, %d warnings"
              % (levels.count("error"), levels.count("warning")))
        return
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    print("version %s, tool %s %s, SRCROOT %s" % (
        log["version"], driver["name"], driver["version"],
        run["originalUriBaseIds"]["SRCROOT"]["uri"]))
    for rule in driver["rules"]:
        print("rule %s: %s; help from its page: %s" % (
            rule["id"], rule["name"],
            "yes" if rule.get("help", {}).get("markdown", "").startswith(
                "# " + rule["id"]) else "no"))
    for result in run["results"]:
        print('result %s %s "%s"' % (result["ruleId"],
                                     where(result["locations"][0]),
                                     result["message"]["text"]))
        for related in result.get("relatedLocations", []):
            print('  related %s "%s"' % (where(related),
                                         related["message"]["text"]))
        for fix in result.get("fixes", []):
            for change in fix["artifactChanges"]:
                for r in change["replacements"]:
                    print('  fix "%s": %s @%d+%d -> "%s"' % (
                        fix["description"]["text"],
                        change["artifactLocation"]["uri"],
                        r["deletedRegion"]["charOffset"],
                        r["deletedRegion"]["charLength"],
                        r["insertedContent"]["text"]))


if __name__ == "__main__":
    main()
