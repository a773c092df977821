#!/usr/bin/env python3
"""Checks an ILB Portal audit export (.csv or .jsonl) offline (docs/audit-integrity.md): recomputes every event's SHA-256
from its fields and checks that consecutive events link. With checkpoint files it also checks the export against the
chain heads the portal signed outside its database: every checkpointed event in the export must still have the signed
hash, and an export of the whole trail must reach the newest checkpoint (else rows were removed from the end).

Usage: verify-audit-export.py FILE [--checkpoints DIR --public-key KEY.pem]
  In CSV exports a value starting with = + - @ ' (or a tab or carriage return) carries one extra leading apostrophe so
  spreadsheets never run it; it is dropped here before hashing."""
import base64, csv, hashlib, json, os, subprocess, sys, tempfile

FIELDS = ["sequence", "time", "actor_subject", "actor_name", "actor_roles", "action", "subject_type", "subject_id",
          "team", "request_id", "load_balancer_id", "before", "after", "details", "previous_hash"]
OPTIONAL = {"team", "request_id", "load_balancer_id", "before", "after"}


def stored(value):
    return value[1:] if value.startswith("'") else value


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        if path.endswith(".csv"):
            print(f.readline().strip())  # "# audit chain head: sequence=N hash=H"
            for r in csv.DictReader(f):
                yield {k: (None if k in OPTIONAL and v == "" else stored(v)) for k, v in r.items()}
        else:
            for line in f:
                r = json.loads(line)
                if "head_hash" in r:
                    print("# audit chain head: sequence=%s hash=%s" % (r["head_sequence"], r["head_hash"]))
                else:
                    yield r


def checkpoints(directory, public_key):
    """Every checkpoint line whose Ed25519 signature verifies with the public key (openssl)."""
    valid = []
    with tempfile.TemporaryDirectory() as work:
        key = os.path.join(work, "key.pem")
        with open(key, "w") as f:
            f.write(open(public_key).read())
        for name in sorted(os.listdir(directory)):
            if not (name.startswith("checkpoints-") and name.endswith(".jsonl")):
                continue
            for line in open(os.path.join(directory, name), encoding="utf-8"):
                c = json.loads(line)
                text = "ilb-portal audit checkpoint v1\nsequence=%d\nhash=%s\ntime=%s\n" % (
                    c["sequence"], c["hash"], c["time"])
                message, signature = os.path.join(work, "m"), os.path.join(work, "s")
                open(message, "wb").write(text.encode())
                open(signature, "wb").write(base64.b64decode(c["signature"]))
                ok = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key, "-rawin", "-in",
                                     message, "-sigfile", signature], capture_output=True).returncode == 0
                if not ok:
                    sys.exit("checkpoint of event %s in %s has no valid signature (forged?)" % (c["sequence"], name))
                valid.append(c)
    return valid


options = dict(zip(sys.argv[2::2], sys.argv[3::2]))
signed = checkpoints(options["--checkpoints"], options["--public-key"]) if "--checkpoints" in options else []
by_sequence = {}
for c in signed:
    by_sequence.setdefault(c["sequence"], []).append(c)

previous, first, count, matched = None, None, 0, 0
for r in rows(sys.argv[1]):
    form = [int(r["sequence"])] + [r[k] for k in FIELDS[1:]]
    digest = hashlib.sha256(json.dumps(form, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()
    if digest != r["hash"]:
        sys.exit("event %s was altered: its fields hash to %s, not %s" % (r["sequence"], digest, r["hash"]))
    if previous and int(r["sequence"]) == int(previous["sequence"]) + 1 and r["previous_hash"] != previous["hash"]:
        sys.exit("event %s does not follow event %s" % (r["sequence"], previous["sequence"]))
    for c in by_sequence.get(int(r["sequence"]), []):
        if c["hash"] != r["hash"]:
            sys.exit("event %s no longer matches the checkpoint signed at %s: rewritten (hashes recomputed)"
                     % (r["sequence"], c["time"]))
        matched += 1
    first = first or r
    previous, count = r, count + 1
if signed and first and int(first["sequence"]) == 1:
    newest = max(c["sequence"] for c in signed)
    if previous is None or int(previous["sequence"]) < newest:
        sys.exit("events %d to %d are missing: a checkpoint covers event %d (truncated)"
                 % (int(previous["sequence"]) + 1, newest, newest))
print("%d events verified; last event %s has hash %s; %d checkpoint(s) matched" % (
    count, previous and previous["sequence"], previous and previous["hash"], matched))
