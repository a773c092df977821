#!/usr/bin/env python3
"""Checks an ILB Portal evidence pack offline (docs/audit-integrity.md "Evidence pack"), with Python's standard library
and the openssl command (OpenSSL 3): the pack's Ed25519 signature, the checkpoint's signature, every event's SHA-256
recomputed from its fields, the chain segment that links the events to the signed checkpoint, the approved plan's text
against the plan hash its approval recorded, and each verification run against its verification.completed event.

Usage: verify-evidence-pack.py PACK.json [--public-key KEY.pem] [--checkpoints DIR]
  --public-key   the portal's public key as published (GET /audit/public-key, or the docs); without it the key inside
                 the pack is used, which proves the pack is intact but not who signed it
  --checkpoints  a copy of the portal's checkpoint files: the pack's checkpoint must be one of them
Exits 0 and prints a summary when everything holds; exits 1 naming the first problem otherwise."""
import base64, hashlib, json, os, subprocess, sys, tempfile

FIELDS = ["sequence", "time", "actor_subject", "actor_name", "actor_roles", "action", "subject_type", "subject_id",
          "team", "request_id", "load_balancer_id", "before", "after", "details", "previous_hash"]


def fail(message):
    print("REJECTED: " + message)
    sys.exit(1)


def canonical(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def ed25519_verifies(public_key_pem, data, signature_b64):
    with tempfile.TemporaryDirectory() as work:
        key, message, signature = (os.path.join(work, n) for n in ("key.pem", "message", "signature"))
        with open(key, "w") as f:
            f.write(public_key_pem)
        with open(message, "wb") as f:
            f.write(data)
        with open(signature, "wb") as f:
            f.write(base64.b64decode(signature_b64, validate=True))
        result = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key, "-rawin", "-in", message,
                                 "-sigfile", signature], capture_output=True, text=True)
        return result.returncode == 0


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    path, options = argv[0], dict(zip(argv[1::2], argv[2::2]))
    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        pack, signature = document["pack"], document["signature"]
    except (ValueError, KeyError, TypeError) as e:
        fail("not an evidence pack: %s" % e)
    if pack.get("format") != "ilb-portal evidence pack v1":
        fail("unknown format %r" % pack.get("format"))
    if "--public-key" in options:
        with open(options["--public-key"]) as f:
            public_key = f.read()
        if public_key.split() != pack["public_key"].split():
            fail("the pack names another public key than the one given")
    else:
        public_key = pack["public_key"]
        print("note: no --public-key given; using the key inside the pack (integrity, not origin)")

    if not ed25519_verifies(public_key, canonical(pack), signature):
        fail("the pack's signature does not verify: the pack was changed after it was signed")

    checkpoint = pack["checkpoint"]
    signed_text = "ilb-portal audit checkpoint v1\nsequence=%d\nhash=%s\ntime=%s\n" % (
        checkpoint["sequence"], checkpoint["hash"], checkpoint["time"])
    if checkpoint["signed_text"] != signed_text or not ed25519_verifies(
            public_key, signed_text.encode("utf-8"), checkpoint["signature"]):
        fail("the checkpoint's signature does not verify")

    links = pack["chain_segment"]
    for i, (sequence, previous, digest) in enumerate(links):
        if i > 0 and (sequence != links[i - 1][0] + 1 or previous != links[i - 1][2]):
            fail("the chain segment breaks at event %d: it does not follow event %d" % (sequence, links[i - 1][0]))
    if not links or links[-1][0] != checkpoint["sequence"] or links[-1][2] != checkpoint["hash"]:
        fail("the chain segment does not end at the checkpoint (event %d, hash %s)"
             % (checkpoint["sequence"], checkpoint["hash"]))
    by_sequence = {link[0]: link for link in links}

    for event in pack["events"]:
        form = [int(event["sequence"])] + [event[k] for k in FIELDS[1:]]
        digest = hashlib.sha256(json.dumps(form, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()
        if digest != event["hash"]:
            fail("event %s was altered: its fields hash to %s, not %s" % (event["sequence"], digest, event["hash"]))
        link = by_sequence.get(event["sequence"])
        if link is None or link[1] != event["previous_hash"] or link[2] != event["hash"]:
            fail("event %s is not the one at its place in the chain segment" % event["sequence"])

    events = {event["sequence"]: event for event in pack["events"]}
    plan = pack.get("approved_plan") or {}
    if plan.get("plan_json") is not None:
        approval = events.get(plan.get("sequence"))
        if approval is None or approval["action"] != "request.approved":
            fail("the approved plan does not name its approval event")
        recorded = json.loads(approval["after"]).get("plan_hash")
        if hashlib.sha256(plan["plan_json"].encode("utf-8")).hexdigest() != recorded or plan["plan_hash"] != recorded:
            fail("the approved plan's text does not hash to %s, the plan hash its approval recorded" % recorded)
        if json.loads(plan["plan_json"]) != plan["plan"]:
            fail("the readable plan differs from the plan's hashed text")
    runs = pack.get("verification_runs") or []
    for run in runs:
        if run.get("audit_sequence") is None:
            continue
        completed = events.get(run["audit_sequence"])
        if completed is None or completed["action"] != "verification.completed" \
                or json.loads(completed["details"]).get("run") != run["run_id"] \
                or json.loads(completed["after"]).get("outcome") != run["outcome"]:
            fail("verification run %s does not match its audit event %s" % (run["run_id"], run["audit_sequence"]))

    if "--checkpoints" in options:
        line = json.dumps({k: checkpoint[k] for k in ("hash", "key_id", "sequence", "signature", "time")},
                          separators=(",", ":"), sort_keys=True)
        found = False
        for name in sorted(os.listdir(options["--checkpoints"])):
            if name.startswith("checkpoints-") and name.endswith(".jsonl"):
                with open(os.path.join(options["--checkpoints"], name), encoding="utf-8") as f:
                    found = found or any(l.strip() == line for l in f)
        if not found:
            fail("the pack's checkpoint is not in the checkpoint files given")

    print("VERIFIED: evidence pack of load balancer %s: %d events, chain segment %d..%d, checkpoint at event %d "
          "signed %s with key %s" % (pack["load_balancer_id"], len(pack["events"]), links[0][0], links[-1][0],
                                     checkpoint["sequence"], checkpoint["time"], pack["key_id"]))
    if plan.get("plan_json") is not None:
        print("  approved plan: %d Civo calls, hash %s matches its approval" % (len(plan["plan"]["calls"]),
                                                                                 plan["plan_hash"]))
    bound = sum(1 for run in runs if run.get("audit_sequence") is not None)
    print("  verification runs: %d with %d checks; %d matched to their audit events" % (
        len(runs), sum(len(run["checks"]) for run in runs), bound))


if __name__ == "__main__":
    main(sys.argv[1:])
