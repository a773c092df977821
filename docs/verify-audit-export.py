#!/usr/bin/env python3
"""Checks an ILB Portal audit export (.csv or .jsonl) offline: recomputes every event's SHA-256 from its fields
(the canonical form in docs/audit.md) and checks that consecutive events link. Usage: verify-audit-export.py FILE"""
import csv, hashlib, json, sys

FIELDS = ["sequence", "time", "actor_subject", "actor_name", "actor_roles", "action", "subject_type", "subject_id",
          "team", "request_id", "load_balancer_id", "before", "after", "details", "previous_hash"]
OPTIONAL = {"team", "request_id", "load_balancer_id", "before", "after"}


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        if path.endswith(".csv"):
            print(f.readline().strip())  # "# audit chain head: sequence=N hash=H"
            for r in csv.DictReader(f):
                yield {k: (None if k in OPTIONAL and v == "" else v) for k, v in r.items()}
        else:
            for line in f:
                r = json.loads(line)
                if "head_hash" in r:
                    print("# audit chain head: sequence=%s hash=%s" % (r["head_sequence"], r["head_hash"]))
                else:
                    yield r


previous, count = None, 0
for r in rows(sys.argv[1]):
    form = [int(r["sequence"])] + [r[k] for k in FIELDS[1:]]
    digest = hashlib.sha256(json.dumps(form, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()
    if digest != r["hash"]:
        sys.exit("event %s was altered: its fields hash to %s, not %s" % (r["sequence"], digest, r["hash"]))
    if previous and int(r["sequence"]) == int(previous["sequence"]) + 1 and r["previous_hash"] != previous["hash"]:
        sys.exit("event %s does not follow event %s" % (r["sequence"], previous["sequence"]))
    previous, count = r, count + 1
print("%d events verified; last event %s has hash %s" % (count, previous and previous["sequence"],
                                                           previous and previous["hash"]))
