"""The calendars of `wsplan solve`, read three ways: byte by byte (what lenient parsers forgive),
by libical's RFC 5546 restriction check (icalcheck.c), and by the PyPI `icalendar` parser against
plan.json; then across a re-plan into the same folder (same UIDs, raised SEQUENCE, CANCELLED).

Run with scripts/ical-test.sh, or: WSPLAN_BIN=.build/debug/wsplan python3 -m pytest Tests/ical
(ICALCHECK_BIN names a compiled icalcheck; without it the test compiles one with cc and pkg-config).
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GOLDEN = HERE / "golden"
BERLIN = ZoneInfo("Europe/Berlin")
# Unavailable for the removed trainer: every event day the scenario can hold.
WHOLE_HORIZON = "2026-12-01..2027-12-31"


# --- running the tools ------------------------------------------------------------------------

def wsplan_bin() -> Path:
    path = Path(os.environ.get("WSPLAN_BIN", ".build/debug/wsplan"))
    if not path.is_absolute():
        path = ROOT / path
    if not os.access(path, os.X_OK):
        pytest.fail(f"wsplan binary not found at {path}: build it (swift build) or set WSPLAN_BIN")
    return path


def solve(scenario: Path, out: Path) -> None:
    command = [str(wsplan_bin()), "solve", str(scenario), "--out", str(out), "--time-limit", "20", "--quiet"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="module")
def icalcheck(tmp_path_factory) -> Path:
    given = os.environ.get("ICALCHECK_BIN")
    if given:
        return Path(given)
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libical"], capture_output=True, text=True)
    if flags.returncode != 0:
        pytest.fail("libical not found by pkg-config: install Debian's libical-dev (scripts/ical-test.sh does)")
    binary = tmp_path_factory.mktemp("icalcheck") / "icalcheck"
    compiled = subprocess.run(["cc", "-Wall", "-o", str(binary), str(HERE / "icalcheck.c"), *flags.stdout.split()],
                              capture_output=True, text=True)
    if compiled.returncode != 0:
        pytest.fail(f"cannot compile icalcheck.c:\n{compiled.stderr}")
    return binary


def run_icalcheck(icalcheck: Path, files: list) -> None:
    assert files, "no .ics files to check"
    result = subprocess.run([str(icalcheck), *map(str, files)], capture_output=True, text=True)
    assert result.returncode == 0, f"libical rejects the calendars:\n{result.stderr}"
    assert result.stdout.count(": ok") == len(files), result.stdout


# --- the bytes ----------------------------------------------------------------------------------

CONTENT_LINE = re.compile(r'^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$', re.S)
PARAMETER = re.compile(r';([A-Za-z0-9-]+)=("[^"]*"|[^";:,]*)')


def byte_problems(data: bytes) -> list:
    """Everything wrong with a file that a lenient reader would let pass."""
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("does not end in CRLF")
    for match in re.finditer(rb"\r(?!\n)|(?<!\r)\n", data):
        kind = "CR" if match.group() == b"\r" else "LF"
        problems.append(f"bare {kind} at byte {match.start()}")
    physical = data.split(b"\r\n")
    if physical and physical[-1] == b"":
        physical.pop()
    for n, line in enumerate(physical, 1):
        if len(line) > 75:
            problems.append(f"physical line {n} has {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(f"physical line {n} is not valid UTF-8 on its own: {error}")
        if not line:
            problems.append(f"physical line {n} is empty")
        elif line[:1] == b"\t":
            problems.append(f"physical line {n} continues with a tab, not one space")
        elif line[:1] == b" " and (n == 1 or len(line) == 1):
            problems.append(f"physical line {n} is a continuation of nothing or holds nothing")
    try:
        text = re.sub(rb"\r\n[ \t]", b"", data).decode("utf-8")
    except UnicodeDecodeError as error:
        return problems + [f"not valid UTF-8: {error}"]

    stack, zones, used, uids = [], set(), set(), Counter()
    event = None
    for line in text.split("\r\n"):
        if not line:
            continue
        match = CONTENT_LINE.match(line)
        if not match:
            problems.append(f"not a content line: {line[:60]!r}")
            continue
        name, params, value = match.group(1).upper(), dict(PARAMETER.findall(match.group(2))), match.group(3)
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                event = Counter(), {}
        elif name == "END":
            if not stack or stack.pop() != value:
                problems.append(f"END:{value} without its BEGIN")
            if value == "VEVENT" and event:
                counts, values = event
                uid = values.get("UID", "(no UID)")
                uids[uid] += 1
                for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "STATUS", "ORGANIZER"):
                    if counts[required] != 1:
                        problems.append(f"VEVENT {uid} has {counts[required]} {required}")
                if counts["ATTENDEE"]:
                    problems.append(f"VEVENT {uid} has ATTENDEE (METHOD:PUBLISH forbids it)")
                start, end = values.get("DTSTART"), values.get("DTEND")
                if start and end and not start < end:
                    problems.append(f"VEVENT {uid}: DTEND {end[1]} is not after DTSTART {start[1]}")
                if start and end and start[0] != end[0]:
                    problems.append(f"VEVENT {uid}: DTSTART and DTEND in different zones")
                event = None
        else:
            if not stack:
                problems.append(f"{name} outside any component")
            if "TZID" in params and (not stack or stack[-1] not in ("STANDARD", "DAYLIGHT")):
                used.add(params["TZID"].strip('"'))
            if stack and stack[-1] == "VTIMEZONE" and name == "TZID":
                zones.add(value)
            if event is not None and stack[-1] == "VEVENT":
                event[0][name] += 1
                if name == "UID":
                    event[1]["UID"] = value
                if name in ("DTSTART", "DTEND"):
                    if not re.fullmatch(r"\d{8}T\d{6}", value) or "TZID" not in params:
                        problems.append(f"{name} {value} is not a local date-time with TZID")
                    event[1][name] = (params.get("TZID"), value)
                if name == "DTSTAMP" and not re.fullmatch(r"\d{8}T\d{6}Z", value):
                    problems.append(f"DTSTAMP {value} is not UTC")
    if stack:
        problems.append(f"unclosed components: {stack}")
    for tzid in sorted(used - zones):
        problems.append(f"TZID {tzid} has no VTIMEZONE")
    for uid, count in uids.items():
        if count > 1:
            problems.append(f"UID {uid} appears {count} times")
    return problems


def check_bytes(files: list) -> None:
    found = {f.name: byte_problems(f.read_bytes()) for f in files}
    assert not {k: v for k, v in found.items() if v}, found


# --- the files against plan.json ----------------------------------------------------------------

def german_euro(value: float) -> str:
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") + " €"


def read_calendars(ics: Path) -> dict:
    """file name -> {UID: VEVENT}, after demanding one VCALENDAR and no duplicate UID per file."""
    result = {}
    for path in sorted(ics.glob("*.ics")):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert calendar.name == "VCALENDAR", path.name
        assert str(calendar["METHOD"]) == "PUBLISH", path.name
        zones = calendar.walk("VTIMEZONE")
        assert [str(z["TZID"]) for z in zones] == ["Europe/Berlin"], path.name
        events = calendar.walk("VEVENT")
        uids = [str(e["UID"]) for e in events]
        duplicates = [uid for uid, n in Counter(uids).items() if n > 1]
        assert not duplicates, f"{path.name}: duplicate UIDs {duplicates}"
        result[path.name] = {str(e["UID"]): e for e in events}
        # The VTIMEZONE's own rules give Berlin's offsets (what a client without a zone database uses).
        rules = zones[0].to_tz()
        for e in events:
            local = e.decoded("DTSTART").replace(tzinfo=None)
            assert rules.utcoffset(local) == BERLIN.utcoffset(local), f"{path.name} {e['UID']}: VTIMEZONE offset"
    return result


def expect_event(event, file: str, uid: str, day: str, times: list, status: str, sequence: int) -> None:
    where = f"{file} {uid}"
    start, end = (datetime.combine(date.fromisoformat(day), time.fromisoformat(t), BERLIN) for t in times)
    for name, expected in (("DTSTART", start), ("DTEND", end)):
        value = event.decoded(name)
        assert event[name].params.get("TZID") == "Europe/Berlin", f"{where}: {name} without TZID=Europe/Berlin"
        assert value.replace(tzinfo=None) == expected.replace(tzinfo=None), f"{where}: {name} {value}, expected {expected}"
        assert value.utcoffset() == expected.utcoffset(), f"{where}: {name} offset {value.utcoffset()}"
        assert value == expected, f"{where}: {name} instant"
    assert event.decoded("DTEND") > event.decoded("DTSTART"), where
    assert str(event.get("SUMMARY", "")).strip(), f"{where}: no SUMMARY"
    assert str(event.get("LOCATION", "")).strip(), f"{where}: no LOCATION"
    assert str(event["STATUS"]) == status.upper(), f"{where}: STATUS {event['STATUS']}, expected {status.upper()}"
    assert int(event["SEQUENCE"]) == sequence, f"{where}: SEQUENCE {event['SEQUENCE']}, expected {sequence}"
    assert "ATTENDEE" not in event, where
    assert str(event["ORGANIZER"]).startswith("mailto:"), where


def check_against_plan(out: Path) -> dict:
    """Every file of out/ics against out/plan.json; returns the parsed calendars."""
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    calendars = read_calendars(out / "ics")
    ledger = {e["uid"]: e for e in plan["events"]}
    assert len(ledger) == len(plan["events"]), "duplicate UIDs in plan.json"
    trainers = [t["id"] for t in plan["trainers"]]
    municipalities = sorted({e["municipality"] for e in plan["events"]})
    expected_files = {"all.ics"} | {f"trainer-{t}.ics" for t in trainers} | {f"municipality-{m}.ics" for m in municipalities}
    assert set(calendars) == expected_files
    assert set(calendars["all.ics"]) == set(ledger)

    def times(kind):
        return plan["calendar"]["workshop" if kind == "workshop" else "meeting"]

    # Every event day of every package, in all.ics, in both trainers' files and the municipality's.
    for package in plan["packages"]:
        m = package["municipality"]
        days = [("preparation", None, package["preparation"]), ("workshop", 1, package["workshop"][0]),
                ("workshop", 2, package["workshop"][1]), ("followup", None, package["followup"])]
        assert len(package["trainers"]) == 2
        for kind, workshop_day, day in days:
            matches = [e for e in plan["events"] if e["municipality"] == m and e["kind"] == kind
                       and e.get("workshop_day") == workshop_day]
            assert len(matches) == 1, f"{m} {kind} {workshop_day}: {len(matches)} events in plan.json"
            e = matches[0]
            status = "confirmed" if package["pinned"] else "tentative"
            assert (e["date"], e["trainers"], e["status"]) == (day, package["trainers"], status), e
            for file in ["all.ics", f"municipality-{m}.ics"] + [f"trainer-{t}.ics" for t in package["trainers"]]:
                assert e["uid"] in calendars[file], f"{e['uid']} ({day}) missing from {file}"
                expect_event(calendars[file][e["uid"]], file, e["uid"], day, times(kind), status, e["sequence"])
            costs = calendars[f"municipality-{m}.ics"][e["uid"]]
            description = str(costs["DESCRIPTION"])
            assert "Kostenschätzung" in description and f"gesamt {german_euro(package['costs']['total'])}" in description, description

    # Every ledger event (cancelled ones too) where it belongs, and nowhere else.
    for uid, e in ledger.items():
        times_ = times(e["kind"])
        expect_event(calendars["all.ics"][uid], "all.ics", uid, e["date"], times_, e["status"], e["sequence"])
        expect_event(calendars[f"municipality-{e['municipality']}.ics"][uid], "municipality", uid, e["date"], times_,
                     e["status"], e["sequence"])
        for t in e["trainers"]:
            expect_event(calendars[f"trainer-{t}.ics"][uid], f"trainer-{t}.ics", uid, e["date"], times_, e["status"], e["sequence"])
        for t in e["former_trainers"]:
            # A trainer taken off the event: cancelled on HER last date, not on the event's new one.
            own_date = (e.get("former_dates") or {}).get(t, e["date"])
            expect_event(calendars[f"trainer-{t}.ics"][uid], f"trainer-{t}.ics", uid, own_date, times_, "cancelled", e["sequence"])
    for t in trainers:
        mine = {uid for uid, e in ledger.items() if t in e["trainers"] or t in e["former_trainers"]}
        assert set(calendars[f"trainer-{t}.ics"]) == mine, f"trainer-{t}.ics"
    for m in municipalities:
        assert set(calendars[f"municipality-{m}.ics"]) == {uid for uid, e in ledger.items() if e["municipality"] == m}
    return calendars


# --- the runs -----------------------------------------------------------------------------------

def make_unavailable(yaml_text: str, trainer: str) -> str:
    """The scenario with `trainer` unavailable from planning start to the end of 2027 (the flow
    mapping `- {id: trainer, ...}` of the trainers list, edited as text to keep all else as is)."""
    lines = yaml_text.splitlines(keepends=True)
    start = next((i for i, l in enumerate(lines) if re.match(rf"\s*-\s*\{{\s*id:\s*{re.escape(trainer)}\s*,", l)), None)
    assert start is not None, f"trainer {trainer} not found as a flow mapping in the scenario"
    depth, end = 0, start
    for end in range(start, len(lines)):
        depth += lines[end].count("{") - lines[end].count("}")
        if depth == 0:
            break
    block = "".join(lines[start:end + 1])
    if re.search(r"unavailable:\s*\[", block):
        block = re.sub(r"unavailable:\s*\[[^\]]*\]", f'unavailable: ["{WHOLE_HORIZON}"]', block)
    else:
        cut = block.rindex("}")
        block = block[:cut] + f', unavailable: ["{WHOLE_HORIZON}"]' + block[cut:]
    return "".join(lines[:start]) + block + "".join(lines[end + 1:])


def drop_request(csv_text: str, municipality: str) -> str:
    kept = [line for line in csv_text.splitlines(keepends=True) if not line.startswith(f"{municipality},")]
    assert len(kept) == len(csv_text.splitlines()) - 1, f"request {municipality} not found"
    return "".join(kept)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Solves Scenarios/2027-Q1.yaml into OUT (kept as "first"), re-solves a changed copy of the
    scenario into the same OUT ("second": one trainer of the first plan unavailable throughout, one
    served municipality's request withdrawn), then solves that copy once more ("third")."""
    base = tmp_path_factory.mktemp("ical")
    out = base / "out"
    solve(ROOT / "Scenarios" / "2027-Q1.yaml", out)
    first = base / "first"
    shutil.copytree(out, first)
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))

    load = Counter(t for p in plan["packages"] if not p["pinned"] for t in p["trainers"])
    assert load, "the first plan serves nobody"
    trainer = sorted(load, key=lambda t: (-load[t], t))[0]
    pinned = {t for p in plan["packages"] if p["pinned"] for t in p["trainers"]}
    assert trainer not in pinned, "pick a trainer without confirmed bookings"
    withdrawn = next(p["municipality"] for p in plan["packages"] if trainer not in p["trainers"] and not p["pinned"])

    scenarios = base / "scenarios"
    shutil.copytree(ROOT / "Scenarios", scenarios)
    scenario = scenarios / "2027-Q1.yaml"
    scenario.write_text(make_unavailable(scenario.read_text(encoding="utf-8"), trainer), encoding="utf-8")
    requests = scenarios / "requests.csv"
    requests.write_text(drop_request(requests.read_text(encoding="utf-8"), withdrawn), encoding="utf-8")
    assert withdrawn not in {row["id"] for row in csv.DictReader(io.StringIO(requests.read_text(encoding="utf-8")))}

    solve(scenario, out)
    second = base / "second"
    shutil.copytree(out, second)
    solve(scenario, out)   # the same scenario once more: nothing to change
    return {"first": first, "second": second, "third": out, "trainer": trainer, "withdrawn": withdrawn}


def ics_files(folder: Path) -> list:
    return sorted((folder / "ics").glob("*.ics"))


def ledger(folder: Path) -> dict:
    return {e["uid"]: e for e in json.loads((folder / "plan.json").read_text(encoding="utf-8"))["events"]}


# --- the tests ----------------------------------------------------------------------------------

def test_golden_files_pass_the_byte_checks_libical_and_icalendar(icalcheck):
    files = sorted(GOLDEN.glob("*.ics"))
    assert {f.name for f in files} >= {"all.ics", "trainer-mueller.ics", "municipality-guetersloh.ics"}
    check_bytes(files)
    run_icalcheck(icalcheck, files)
    calendars = read_calendars(GOLDEN)
    assert len(calendars["all.ics"]) == 8


def test_byte_checks_catch_what_lenient_parsers_forgive():
    good = (GOLDEN / "all.ics").read_bytes()
    assert byte_problems(good) == []
    assert byte_problems(good.replace(b"\r\n", b"\n"))
    assert byte_problems(re.sub(rb"\r\n ", b"", good))                            # unfolded: over 75 octets
    assert byte_problems(good.replace(b"TZID:Europe/Berlin", b"TZID:Europe/Paris"))
    assert byte_problems(good.replace(b"UID:kiel-followup@wsplan", b"UID:kiel-preparation@wsplan"))
    assert byte_problems(good.replace(b"DTSTAMP:20270101T120000Z\r\n", b"", 1))
    assert byte_problems(good.replace(b"T170000\r\n", b"T080000\r\n", 1))
    split = good.index("ü".encode())
    assert byte_problems(good[:split + 1] + b"\r\n " + good[split + 1:])        # a fold inside "ü"
    # ... which icalendar reads without complaint.
    icalendar.Calendar.from_ical(good.replace(b"\r\n", b"\n"))


def test_first_plan_bytes(runs):
    check_bytes(ics_files(runs["first"]))


def test_first_plan_passes_libical(runs, icalcheck):
    run_icalcheck(icalcheck, ics_files(runs["first"]))


def test_first_plan_files_match_plan_json(runs):
    calendars = check_against_plan(runs["first"])
    plan = json.loads((runs["first"] / "plan.json").read_text(encoding="utf-8"))
    assert len(calendars["all.ics"]) == 4 * len(plan["packages"])
    assert all(e["sequence"] == 0 and e["status"] != "cancelled" for e in plan["events"])


@pytest.mark.parametrize("run", ["second", "third"])
def test_replan_bytes_and_libical(runs, icalcheck, run):
    check_bytes(ics_files(runs[run]))
    run_icalcheck(icalcheck, ics_files(runs[run]))


@pytest.mark.parametrize("run", ["second", "third"])
def test_replan_files_match_plan_json(runs, run):
    check_against_plan(runs[run])


def property_bytes(event, name: str):
    value = event.get(name)
    return None if value is None else (value.to_ical(), dict(getattr(value, "params", {})))


@pytest.mark.parametrize("before,after", [("first", "second"), ("second", "third")])
def test_replan_keeps_uids_and_raises_sequence_exactly_for_changes(runs, before, after):
    old, new = ledger(runs[before]), ledger(runs[after])
    assert set(old) <= set(new), f"UIDs lost: {sorted(set(old) - set(new))}"
    retrained = 0
    for uid, o in old.items():
        n = new[uid]
        if n["status"] == "cancelled":
            continue
        changed = (o["date"], o["trainers"], o["status"]) != (n["date"], n["trainers"], n["status"])
        retrained += o["trainers"] != n["trainers"]
        assert n["sequence"] == o["sequence"] + changed, f"{uid}: SEQUENCE {o['sequence']} -> {n['sequence']}"
        if not changed:
            assert n["modified"] == o["modified"], uid
    if before == "first":
        assert retrained > 0, "the re-plan changed no trainer: the test exercises nothing"

    # The same, read from the calendars alone: an event that reads differently has a higher SEQUENCE.
    old_events, new_events = (read_calendars(runs[r] / "ics")["all.ics"] for r in (before, after))
    assert set(old_events) <= set(new_events)
    fields = ("DTSTART", "DTEND", "STATUS", "SUMMARY", "DESCRIPTION", "LOCATION")
    for uid, b in old_events.items():
        a = new_events[uid]
        same = all(property_bytes(b, f) == property_bytes(a, f) for f in fields)
        assert int(a["SEQUENCE"]) == int(b["SEQUENCE"]) + (0 if same else 1), f"{uid}: SEQUENCE vs content"
        if same:
            assert a["LAST-MODIFIED"].to_ical() == b["LAST-MODIFIED"].to_ical(), uid


def test_replan_cancels_what_disappeared(runs):
    old, new = ledger(runs["first"]), ledger(runs["second"])
    calendars = read_calendars(runs["second"] / "ics")
    gone = [uid for uid, e in new.items() if e["status"] == "cancelled"]
    withdrawn = [uid for uid, e in old.items() if e["municipality"] == runs["withdrawn"]]
    assert len(withdrawn) == 4 and set(withdrawn) <= set(gone)
    for uid in gone:
        o, n = old[uid], new[uid]
        assert n["sequence"] == o["sequence"] + 1 and n["date"] == o["date"], uid
        files = ["all.ics", f"municipality-{o['municipality']}.ics"] + [f"trainer-{t}.ics" for t in o["trainers"]]
        for file in files:
            event = calendars[file][uid]
            assert str(event["STATUS"]) == "CANCELLED", f"{file} {uid}"
            assert int(event["SEQUENCE"]) == o["sequence"] + 1, f"{file} {uid}"


def test_the_unavailable_trainers_calendar_cancels_all_their_events(runs):
    trainer = runs["trainer"]
    old, new = ledger(runs["first"]), ledger(runs["second"])
    plan = json.loads((runs["second"] / "plan.json").read_text(encoding="utf-8"))
    assert all(trainer not in p["trainers"] for p in plan["packages"])
    had = {uid for uid, e in old.items() if trainer in e["trainers"]}
    calendar = read_calendars(runs["second"] / "ics")[f"trainer-{trainer}.ics"]
    assert set(calendar) == had
    for uid, event in calendar.items():
        assert str(event["STATUS"]) == "CANCELLED", uid
        assert int(event["SEQUENCE"]) == old[uid]["sequence"] + 1, uid
        if new[uid]["status"] != "cancelled":   # taken over by other trainers: still on in their calendars
            assert trainer in new[uid]["former_trainers"], uid


def test_a_replan_without_change_keeps_every_event(runs):
    second = json.loads((runs["second"] / "plan.json").read_text(encoding="utf-8"))
    third = json.loads((runs["third"] / "plan.json").read_text(encoding="utf-8"))
    if second["packages"] != third["packages"]:
        pytest.skip("the solver returned another plan for the same scenario (the SEQUENCE rules are checked above)")
    assert third["events"] == second["events"]
    for path in ics_files(runs["second"]):
        again = (runs["third"] / "ics" / path.name).read_bytes()
        def without_stamps(data):
            return re.sub(rb"\r\nDTSTAMP:\d{8}T\d{6}Z", b"", data)
        assert without_stamps(again) == without_stamps(path.read_bytes()), f"{path.name} changed beyond DTSTAMP"


def test_a_trainer_taken_off_sees_her_own_date_and_that_she_is_no_longer_on_it(runs):
    """The event goes on with others: in her calendar it is cancelled on the date she had, saying
    she is no longer on it and not naming the new trainers; everyone else's copy is unchanged."""
    trainer = runs["trainer"]
    old, new = ledger(runs["first"]), ledger(runs["second"])
    calendars = read_calendars(runs["second"] / "ics")
    taken_over = [uid for uid, e in new.items() if trainer in e["former_trainers"] and e["status"] != "cancelled"]
    assert taken_over, "nobody took over an event of the unavailable trainer: the test exercises nothing"
    moved = 0
    for uid in taken_over:
        o, n = old[uid], new[uid]
        assert n["former_dates"][trainer] == o["date"], uid
        mine = calendars[f"trainer-{trainer}.ics"][uid]
        assert mine.decoded("DTSTART").date() == date.fromisoformat(o["date"]), f"{uid}: not on her own date"
        assert str(mine["STATUS"]) == "CANCELLED"
        description = str(mine["DESCRIPTION"])
        assert "nicht mehr eingeteilt" in description, description
        names = {t["id"]: t["name"] for t in json.loads((runs["second"] / "plan.json").read_text(encoding="utf-8"))["trainers"]}
        assert not any(names[t] in description for t in n["trainers"]), description
        for t in n["trainers"]:
            theirs = calendars[f"trainer-{t}.ics"][uid]
            assert str(theirs["STATUS"]) != "CANCELLED" and theirs.decoded("DTSTART").date() == date.fromisoformat(n["date"])
        assert str(calendars["all.ics"][uid]["STATUS"]) != "CANCELLED"
        moved += o["date"] != n["date"]
    # The third run changes nothing: her cancellation keeps her date.
    third = ledger(runs["third"])
    for uid in taken_over:
        if third[uid]["status"] != "cancelled" and trainer in third[uid]["former_trainers"]:
            assert third[uid]["former_dates"][trainer] == old[uid]["date"], uid


def test_a_hostile_organizer_address_never_makes_a_raw_line(tmp_path):
    """`calendar.organizer.email: "x@y.org\\r\\nX-INJ:1"`: refused by the scenario decoder, or
    written with the line break removed; never a line of its own."""
    scenarios = tmp_path / "scenarios"
    shutil.copytree(ROOT / "Scenarios", scenarios)
    scenario = scenarios / "2027-Q1.yaml"
    text = scenario.read_text(encoding="utf-8")
    hostile = text.replace("email: programm@example.org", 'email: "x@y.org\\r\\nX-INJ:1"')
    hostile = hostile.replace("name: Stiftung – Programmbüro", 'name: "Stiftung\\r\\nX-NAME:1"')
    assert hostile != text
    scenario.write_text(hostile, encoding="utf-8")
    out = tmp_path / "out"
    command = [str(wsplan_bin()), "solve", str(scenario), "--out", str(out), "--time-limit", "10", "--quiet"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        assert "email" in result.stderr or "organizer" in result.stderr, result.stderr
        return
    for path in ics_files(out):
        data = path.read_bytes()
        assert not re.search(rb"\r\n(X-INJ|X-NAME)", data), f"{path.name}: injected line"
        assert byte_problems(data) == [], path.name
