#!/usr/bin/python3
"""Checks claimx's JSON output against schema v1 and the offsets contract.

Usage: /usr/bin/python3 tests/validate_schema.py <claimx-binary> <project-source-dir>

Run by ctest (schema.validates_outputs). Needs Debian's python3-jsonschema,
which is installed for /usr/bin/python3 only.

  a. Hand-written documents: valid ones must pass; deliberately broken ones
     must fail, so that this script can fail at all.
  b. `claimx annotate` on the seed article and on crafted hostile inputs
     (empty, NBSP, invalid UTF-8, lone «, CRLF, BOM, NUL...), in both json
     and jsonl: exit status 0 or 1, schema-valid output, and for every
     mention and claim original_bytes[start:end].decode('utf-8', 'replace')
     equal to its text.
  c. Every .txt under <project-source-dir>/../shared/corpora, when that
     directory exists, through one `claimx batch --mapper` run (one process,
     so the rules load once): one schema-valid record per article, in order,
     offsets into that article. Every CORPUS_SAMPLE_EVERY-th file also goes
     through `claimx annotate` as in b, whose output must be the mapper's
     record (less doc.content_hash, which only batch writes).

The rules a JSON Schema cannot express (end >= start, ids in text order,
references between claims and mentions) are checked by contract_errors();
docs/schema.md states them. Exit 0 when every check passes, 1 otherwise; the
last line is always "<N> passed, <M> failed".
"""

import copy
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    sys.exit("validate_schema.py: the jsonschema module is missing; run with "
             "/usr/bin/python3 (Debian package python3-jsonschema), not "
             + sys.executable)

REFERENCE_DATE = "2016-11-10"
RUN_TIMEOUT_SECONDS = 60
MAPPER_TIMEOUT_SECONDS = 600
CORPUS_SAMPLE_EVERY = 10
MAX_PROBLEMS_SHOWN = 10


class Tally:
    """Counts checks and prints each failure with its label."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def record(self, label, problems):
        if problems:
            self.failed += 1
            print(f"FAIL {label}")
            for problem in problems[:MAX_PROBLEMS_SHOWN]:
                print(f"     {problem}")
            if len(problems) > MAX_PROBLEMS_SHOWN:
                print(f"     ... and {len(problems) - MAX_PROBLEMS_SHOWN} more")
        else:
            self.passed += 1

    def expect_failure(self, label, problems):
        """A check that passes when `problems` is non-empty."""
        self.record(label, [] if problems else
                    ["expected this document to be rejected, but it was accepted"])


# ---------------------------------------------------------------------------
# Parsing and validation

def parse_json_strictly(text):
    """json.loads that also rejects NaN/Infinity and duplicate keys."""

    def reject_constant(name):
        raise ValueError(f"{name} is not JSON")

    def reject_duplicates(pairs):
        keys = [key for key, _ in pairs]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise ValueError(f"duplicate keys {duplicates}")
        return dict(pairs)

    return json.loads(text, parse_constant=reject_constant,
                      object_pairs_hook=reject_duplicates)


def schema_errors(validator, document):
    problems = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.path)):
        message = error.message
        if error.context:  # "not valid under any of the given schemas": say why
            # The branch whose type matched explains more than "is not null".
            reasons = [e for e in error.context if e.validator != "type"] or error.context
            reason = jsonschema.exceptions.best_match(reasons)
            where = "/".join(str(p) for p in reason.relative_path)
            message += f" ({where + ': ' if where else ''}{reason.message})"
        problems.append(f"schema: at /{'/'.join(str(p) for p in error.path)}: {message}")
    return problems


def evidence(original, start, end):
    return original[start:end].decode("utf-8", "replace")


def describe_mention(mention):
    return (f"mention {mention.get('id')} ({mention.get('kind')}, "
            f"{mention.get('rule')}, [{mention.get('start')},{mention.get('end')}))")


def span_errors(what, item, doc_bytes, original, text_field):
    """Offset checks shared by mentions, claims and cues."""
    start, end = item["start"], item["end"]
    if end < start:
        return [f"{what}: end {end} < start {start}"]
    if end > doc_bytes:
        return [f"{what}: end {end} is past doc.bytes {doc_bytes}"]
    if original is not None:
        expected = evidence(original, start, end)
        if item[text_field] != expected:
            return [f"{what}: input[{start}:{end}] is {expected!r} "
                    f"but {text_field} is {item[text_field]!r}"]
    return []


def check_ids_in_order(items, prefix, what):
    problems = []
    for index, item in enumerate(items):
        if item["id"] != f"{prefix}{index + 1}":
            problems.append(f"{what} #{index}: id {item['id']!r}, expected "
                            f"{prefix}{index + 1} (ids are numbered in array order)")
        if index and (items[index - 1]["start"], items[index - 1]["end"]) > \
                (item["start"], item["end"]):
            problems.append(f"{what} {item['id']}: not sorted by (start, end) after "
                            f"{items[index - 1]['id']}")
    return problems


# Units of the `time_units` lexicon (rules/fr/quantity.yaml): a quantity with
# one of them may be linked to a duration.
TIME_UNITS = {"a", "mo", "wk", "d", "h", "min", "s", "century", "decade"}


def link_errors(mentions):
    """A `link` joins a time quantity and a duration date over overlapping
    words, each naming the other (docs/schema.md, Linked readings)."""
    problems = []
    by_id = {m["id"]: m for m in mentions}
    for mention in mentions:
        if "link" not in mention:
            continue
        what = describe_mention(mention)
        other = by_id.get(mention["link"])
        if other is None:
            problems.append(f"{what}: link {mention['link']} is no mention of the document")
            continue
        if other.get("link") != mention["id"]:
            problems.append(f"{what}: links {other['id']}, which does not link back")
        kinds = {mention["kind"], other["kind"]}
        if kinds != {"quantity", "date"}:
            problems.append(f"{what}: links {other['id']}, a {other['kind']}: a link "
                            f"joins a quantity and a date")
            continue
        quantity, date = (mention, other) if mention["kind"] == "quantity" else (other, mention)
        if date["type"] != "duration":
            problems.append(f"{what}: link to or from date {date['id']} of type {date['type']}, "
                            f"not a duration")
        if quantity["unit"] not in TIME_UNITS:
            problems.append(f"{what}: link to or from quantity {quantity['id']} with unit "
                            f"{quantity['unit']!r}, not a time unit")
        if quantity["start"] >= date["end"] or date["start"] >= quantity["end"]:
            problems.append(f"{what}: linked mentions {quantity['id']} and {date['id']} "
                            f"do not overlap")
    return problems


CALENDAR_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?=$|[-T])")


def calendar_prefix(value):
    """The YYYY[-MM[-DD]] a TIMEX3 value begins with ("2016-11-13" of
    "2016-11-13TEV", "2016" of "2016-W46"), "" for durations and XXXX."""
    match = CALENDAR_PREFIX.match(value)
    return match.group(0) if match else ""


def contract_errors(document, original):
    """What schema v1 promises beyond the JSON Schema (docs/schema.md).

    `document` must already be schema-valid. `original` is the input's bytes,
    or None when they are unknown (then the text invariants are skipped).
    """
    problems = []
    doc = document["doc"]
    doc_bytes = doc["bytes"]
    if original is not None and doc_bytes != len(original):
        problems.append(f"doc.bytes is {doc_bytes}, the input has {len(original)} bytes")
    first_invalid = doc["normalization"]["first_invalid_offset"]
    if first_invalid is not None and first_invalid >= doc_bytes:
        problems.append(f"doc.normalization.first_invalid_offset {first_invalid} "
                        f"is not below doc.bytes {doc_bytes}")

    mentions = document["mentions"]
    problems += check_ids_in_order(mentions, "m", "mention")
    kinds = {}
    spans = {}
    for mention in mentions:
        what = describe_mention(mention)
        kinds[mention["id"]] = mention["kind"]
        spans[mention["id"]] = (mention["start"], mention["end"])
        problems += span_errors(what, mention, doc_bytes, original, "text")
        sentence = mention["sentence"]
        if sentence is not None and sentence >= doc["sentences"]:
            problems.append(f"{what}: sentence {sentence} but doc.sentences is "
                            f"{doc['sentences']}")
        if mention["kind"] == "quantity" and mention["bound"] == "range":
            if not mention["low"] <= mention["high"]:
                problems.append(f"{what}: range low {mention['low']} > high {mention['high']}")
            if mention["value"] != mention["low"]:
                problems.append(f"{what}: range value {mention['value']} "
                                f"is not its low {mention['low']}")

        if mention["kind"] == "date" and "range" in mention:
            start, end = mention["range"]["start"], mention["range"]["end"]
            first, last = calendar_prefix(start), calendar_prefix(end)
            common = min(len(first), len(last))  # 2016-03-03 to 2016-03 is no inversion
            if first[:common] > last[:common]:
                problems.append(f"{what}: range starts at {start}, after its end {end}")

    problems += link_errors(mentions)

    claims = document["claims"]
    problems += check_ids_in_order(claims, "c", "claim")
    for claim in claims:
        what = f"claim {claim['id']} ({claim['rule']}, [{claim['start']},{claim['end']}))"
        problems += span_errors(what, claim, doc_bytes, original, "statement")
        if claim["cue"] is not None:
            problems += span_errors(f"{what} cue", claim["cue"], doc_bytes, original, "text")
        source = claim["source"]
        if source is not None and source["mention"] is not None:
            if kinds.get(source["mention"]) != "source":
                problems.append(f"{what}: source.mention {source['mention']} is not "
                                f"a source mention")
        for field, kind in (("quantities", "quantity"), ("dates", "date"),
                            ("places", "place")):
            for mention_id in claim[field]:
                if kinds.get(mention_id) != kind:
                    problems.append(f"{what}: {field} lists {mention_id}, which is not "
                                    f"a {kind} mention")
                    continue
                start, end = spans[mention_id]
                if not (claim["start"] <= start and end <= claim["end"]):
                    problems.append(f"{what}: {field} lists {mention_id} at "
                                    f"[{start},{end}), outside the statement")
    problems += comparison_errors(document)
    return problems


def comparison_errors(document):
    """Each comparison item repeats its claim and quantity mention faithfully."""
    problems = []
    mentions = {m["id"]: m for m in document["mentions"]}
    claims = {c["id"]: c for c in document["claims"]}
    for number, group in enumerate(document.get("comparisons", []), 1):
        what = f"comparison #{number} ({group['entity']})"
        seen_claims = set()
        for item in group["items"]:
            label = f"{what} item {item['claim']}"
            if "doc" in item:
                problems.append(f"{label}: `doc` is only for comparisons across articles")
            claim = claims.get(item["claim"])
            if claim is None:
                problems.append(f"{label}: no such claim")
                continue
            if item["claim"] in seen_claims:
                problems.append(f"{label}: the claim gives two items to one group")
            seen_claims.add(item["claim"])
            if item["quantity"] not in claim["quantities"]:
                problems.append(f"{label}: quantity {item['quantity']} is not one of "
                                f"the claim's quantities")
                continue
            quantity = mentions.get(item["quantity"], {})
            for field in ("value", "bound", "low", "high", "approx"):
                if item[field] != quantity.get(field):
                    problems.append(f"{label}: {field} {item[field]!r} but mention "
                                    f"{item['quantity']} says {quantity.get(field)!r}")
            if quantity.get("unit") != group["unit"]:
                problems.append(f"{label}: unit {quantity['unit']!r} in a group of "
                                f"unit {group['unit']!r}")
            source = claim["source"]["name"] if claim["source"] else None
            if item["source"] != source:
                problems.append(f"{label}: source {item['source']!r} but the claim's "
                                f"is {source!r}")
            # Wrong references in the claim itself are reported above.
            places = list(dict.fromkeys(mentions[i].get("name") for i in claim["places"]
                                        if i in mentions))
            dates = list(dict.fromkeys(mentions[i].get("value") for i in claim["dates"]
                                       if i in mentions))
            if item["places"] != places:
                problems.append(f"{label}: places {item['places']} but the claim's are "
                                f"{places}")
            if item["dates"] != dates:
                problems.append(f"{label}: dates {item['dates']} but the claim's are {dates}")
    return problems


def all_errors(validator, document, original):
    problems = schema_errors(validator, document)
    if problems:
        return problems
    return contract_errors(document, original)


# ---------------------------------------------------------------------------
# a. Hand-written documents

class TextBuilder:
    """Finds the byte span of each piece of evidence in an original input."""

    def __init__(self, original):
        self.original = original
        self.cursor = 0

    def span(self, piece):
        needle = piece.encode("utf-8") if isinstance(piece, str) else piece
        start = self.original.index(needle, self.cursor)
        self.cursor = start
        return start, start + len(needle)

    def mention(self, number, kind, piece, rule, sentence, **fields):
        start, end = self.span(piece)
        return {"id": f"m{number}", "kind": kind, "start": start, "end": end,
                "text": evidence(self.original, start, end), "rule": rule,
                "sentence": sentence, **fields}


def normalization(**changes):
    stats = {"invalid_utf8": 0, "first_invalid_offset": None, "removed": 0,
             "spaces_unified": 0, "nfc_runs": 0, "bom": False}
    stats.update(changes)
    return stats


def make_document(doc_id, original, mentions, claims, sentences, **normalization_changes):
    return {"schema": "claimx/1",
            "doc": {"id": doc_id, "date": REFERENCE_DATE, "lang": "fr",
                    "bytes": len(original),
                    "normalization": normalization(**normalization_changes),
                    "paragraphs": 1, "sentences": sentences},
            "mentions": mentions, "claims": claims}


def quantity(value, entity, bound="exact", low=None, high=None, approx=False, unit=None):
    return {"value": value, "unit": unit, "entity": entity,
            "entity_lemma": None if entity is None else entity.lower(),
            "bound": bound, "low": low, "high": high, "approx": approx}


# Every mention kind, a range, an open bound, a duration, the three claim
# shapes, a BOM and NBSPs so that byte offsets differ from character offsets.
RICH_TEXT = (
    "\ufeffSelon l'ONG Airwars, entre 3\u00a0000 et 5\u00a0000 civils ont été "
    "tués en Irak depuis août 2014. «Nous faisons tout», a déclaré le colonel "
    "John J. Thomas. Au moins 300 victimes ont été recensées en deux ans."
).encode("utf-8")


def rich_document():
    t = TextBuilder(RICH_TEXT)
    mentions = [
        t.mention(1, "source", "l'ONG Airwars", "fr.source.organization", 0,
                  name="Airwars", type="organization", role=None),
        t.mention(2, "quantity", "entre 3\u00a0000 et 5\u00a0000", "fr.quantity.range_entre", 0,
                  **quantity(3000, "civils", "range", 3000, 5000)),
        t.mention(3, "place", "Irak", "fr.place.gazetteer", 0,
                  name="Irak", country="IQ", type="country"),
        t.mention(4, "date", "août 2014", "fr.date.month_year", 0,
                  value="2014-08", type="date", mod=None),
        t.mention(5, "quote", "«Nous faisons tout»", "fr.quote.guillemets", 1),
        t.mention(6, "source", "le colonel John J. Thomas", "fr.source.person_title", 1,
                  name="John J. Thomas", type="person", role="colonel"),
        t.mention(7, "quantity", "Au moins 300", "fr.quantity.at_least", 2,
                  **quantity(300, "victimes", "at_least")),
        t.mention(8, "date", "deux ans", "fr.date.duration_words", 2,
                  value="P2Y", type="duration", mod=None),
    ]

    def claim(number, kind, statement, source, cue, quantities, dates, places, rule):
        start, end = TextBuilder(RICH_TEXT).span(statement)
        return {"id": f"c{number}", "type": kind, "start": start, "end": end,
                "statement": statement, "source": source, "cue": cue,
                "quantities": quantities, "dates": dates, "places": places,
                "rule": rule, "confidence": 0.9}

    def cue(piece, lemma):
        start, end = TextBuilder(RICH_TEXT).span(piece)
        return {"text": piece, "lemma": lemma, "start": start, "end": end}

    claims = [
        claim(1, "according_to",
              "entre 3\u00a0000 et 5\u00a0000 civils ont été tués en Irak depuis août 2014",
              {"name": "Airwars", "type": "organization", "role": None, "mention": "m1"},
              cue("Selon", "selon"), ["m2"], ["m4"], ["m3"], "fr.claim.selon"),
        claim(2, "direct", "Nous faisons tout",
              {"name": "John J. Thomas", "type": "person", "role": "colonel",
               "mention": "m6"},
              cue("a déclaré", "déclarer"), [], [], [], "fr.claim.quote_then_verb"),
        claim(3, "unattributed", "Au moins 300 victimes ont été recensées en deux ans",
              None, None, ["m7"], ["m8"], [], "fr.claim.bare_quantity"),
    ]
    document = make_document("rich.txt", RICH_TEXT, mentions, claims, sentences=3,
                             removed=1, spaces_unified=2, bom=True)
    document["comparisons"] = [
        {"entity": "civil", "unit": None, "disagreement": False, "items": [
            {"claim": "c1", "quantity": "m2", "source": "Airwars", "value": 3000,
             "bound": "range", "low": 3000, "high": 5000, "approx": False,
             "places": ["Irak"], "dates": ["2014-08"]},
            {"claim": "c3", "quantity": "m7", "source": None, "value": 300,
             "bound": "at_least", "low": None, "high": None, "approx": False,
             "places": [], "dates": ["P2Y"]}]}]
    return document


LINKED_TEXT = "Sur les douze derniers mois, 64 civils sont morts.".encode("utf-8")


def linked_document():
    """A duration and its time quantity, linked; a count that is not."""
    t = TextBuilder(LINKED_TEXT)
    mentions = [
        t.mention(1, "date", "les douze derniers mois", "fr.date.last_n", 0,
                  value="P12M", type="duration", mod=None, link="m2"),
        t.mention(2, "quantity", "douze derniers mois", "fr.quantity.duration", 0,
                  link="m1", **quantity(12, None, unit="mo")),
        t.mention(3, "quantity", "64", "fr.quantity.number", 0, **quantity(64, "civils")),
    ]
    return make_document("linked.txt", LINKED_TEXT, mentions, [], sentences=1)


INVALID_UTF8_TEXT = b"1787 civ\xffils ont fui."


def invalid_utf8_document():
    t = TextBuilder(INVALID_UTF8_TEXT)
    mentions = [t.mention(1, "quantity", b"1787 civ\xffils", "fr.quantity.number", 0,
                          **quantity(1787, "civ\ufffdils"))]
    return make_document("invalid.txt", INVALID_UTF8_TEXT, mentions, [], sentences=1,
                    invalid_utf8=1, first_invalid_offset=8)


def with_change(base, change):
    broken = copy.deepcopy(base)
    change(broken)
    return broken


def mention_of(document, mention_id):
    return next(m for m in document["mentions"] if m["id"] == mention_id)


def set_field(path, value):
    """A change that sets document[path...] = value (path: keys and indexes)."""

    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def delete_field(path):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


# (label, change to rich_document()) that the JSON Schema must reject.
SCHEMA_REJECTS = [
    ("mention without rule", delete_field(["mentions", 1, "rule"])),
    ("mention of unknown kind", set_field(["mentions", 0, "kind"], "person")),
    ("end as a string", set_field(["mentions", 1, "end"], "30")),
    ("unknown bound", set_field(["mentions", 1, "bound"], "about")),
    ("schema claimx/2", set_field(["schema"], "claimx/2")),
    ("range without high", set_field(["mentions", 1, "high"], None)),
    ("low on a non-range quantity", set_field(["mentions", 6, "low"], 300)),
    ("quantity without approx", delete_field(["mentions", 6, "approx"])),
    ("empty string instead of null unit", set_field(["mentions", 6, "unit"], "")),
    ("quote with a value field", set_field(["mentions", 4, "value"], "x")),
    ("place field on a date", set_field(["mentions", 3, "country"], "IQ")),
    ("date value that is not TIMEX3", set_field(["mentions", 3, "value"], "août 2014")),
    ("duration with a calendar value", set_field(["mentions", 7, "value"], "2014-08")),
    ("unknown date mod", set_field(["mentions", 3, "mod"], "LATE")),
    ("date range without end", set_field(["mentions", 3, "range"], {"start": "2014-08"})),
    ("lower-case country code", set_field(["mentions", 2, "country"], "iq")),
    ("unknown source type", set_field(["mentions", 0, "type"], "ngo")),
    ("mention id without m", set_field(["mentions", 0, "id"], "1")),
    ("rule id without language", set_field(["mentions", 0, "rule"], "source.organization")),
    ("negative start", set_field(["mentions", 0, "start"], -1)),
    ("sentence as a string", set_field(["mentions", 0, "sentence"], "0")),
    ("non-integer offset", set_field(["mentions", 0, "end"], 18.5)),
    ("unattributed claim with a source", set_field(
        ["claims", 2, "source"],
        {"name": "Airwars", "type": "organization", "role": None, "mention": "m1"})),
    ("claim source without mention", delete_field(["claims", 0, "source", "mention"])),
    ("claim cue without lemma", delete_field(["claims", 0, "cue", "lemma"])),
    ("claim of unknown type", set_field(["claims", 0, "type"], "reported")),
    ("confidence above 1", set_field(["claims", 0, "confidence"], 1.5)),
    ("claim listing a claim id", set_field(["claims", 0, "quantities"], ["c1"])),
    ("unknown claim field", set_field(["claims", 0, "polarity"], "negative")),
    ("unknown top-level field", set_field(["warnings"], [])),
    ("doc without normalization", delete_field(["doc", "normalization"])),
    ("unknown normalization field", set_field(["doc", "normalization", "nfkc"], 0)),
    ("impossible doc date", set_field(["doc", "date"], "2016-13-45")),
    ("basic-format doc date", set_field(["doc", "date"], "20161110")),
    ("doc lang other than fr", set_field(["doc", "lang"], "en")),
    ("negative doc bytes", set_field(["doc", "bytes"], -1)),
    ("first_invalid_offset without invalid bytes",
     set_field(["doc", "normalization", "first_invalid_offset"], 5)),
    ("invalid bytes without first_invalid_offset",
     set_field(["doc", "normalization", "invalid_utf8"], 1)),
    ("mentions not an array", set_field(["mentions"], {})),
    ("link that is not a mention id", set_field(["mentions", 7, "link"], "deux ans")),
    ("link on a place mention", set_field(["mentions", 2, "link"], "m4")),
    ("comparison of one item", lambda d: d["comparisons"][0]["items"].pop()),
    ("comparison without disagreement", delete_field(["comparisons", 0, "disagreement"])),
    ("comparison item without source", delete_field(["comparisons", 0, "items", 0, "source"])),
    ("comparison item naming a mention as claim",
     set_field(["comparisons", 0, "items", 0, "claim"], "m2")),
    ("comparison item with an unknown field",
     set_field(["comparisons", 0, "items", 0, "sources"], [])),
    ("comparison item date that is not TIMEX3",
     set_field(["comparisons", 0, "items", 0, "dates"], ["août 2014"])),
]


def swap_first_mentions(document):
    document["mentions"][0], document["mentions"][1] = \
        document["mentions"][1], document["mentions"][0]


# (label, change to rich_document()) that the schema accepts but
# contract_errors() must reject.
CONTRACT_REJECTS = [
    ("mention text that is not input[start:end]",
     set_field(["mentions", 2, "text"], "Iraq")),
    ("mention text with NBSP folded to a space",
     set_field(["mentions", 1, "text"], "entre 3 000 et 5 000")),
    ("mention end before start", set_field(["mentions", 2, "end"], 1)),
    ("mention end past doc.bytes", set_field(["mentions", 7, "end"], len(RICH_TEXT) + 1)),
    ("mentions out of order", swap_first_mentions),
    ("mention ids skipping a number", set_field(["mentions", 7, "id"], "m9")),
    ("sentence index past doc.sentences", set_field(["mentions", 0, "sentence"], 3)),
    ("range with low above high", lambda d: mention_of(d, "m2").update(
        value=5000, low=5000, high=3000)),
    ("range value other than low", set_field(["mentions", 1, "value"], 4000)),
    ("date range ending before it starts", set_field(
        ["mentions", 3, "range"], {"start": "2016-11-13", "end": "2016-11-10"})),
    ("statement that is not input[start:end]",
     set_field(["claims", 1, "statement"], "«Nous faisons tout»")),
    ("cue text that is not input[start:end]",
     set_field(["claims", 0, "cue", "text"], "selon")),
    ("claim quantities listing a place", set_field(["claims", 0, "quantities"], ["m3"])),
    ("claim listing a missing mention", set_field(["claims", 0, "dates"], ["m99"])),
    ("claim source.mention that is a quote", set_field(["claims", 1, "source", "mention"], "m5")),
    ("claim quantity outside the statement", set_field(["claims", 1, "quantities"], ["m7"])),
    ("doc.bytes other than the input size", set_field(["doc", "bytes"], len(RICH_TEXT) - 1)),
    ("comparison item of a missing claim",
     set_field(["comparisons", 0, "items", 1, "claim"], "c9")),
    ("comparison item with a quantity outside its claim",
     set_field(["comparisons", 0, "items", 1, "quantity"], "m2")),
    ("comparison value other than the mention's",
     set_field(["comparisons", 0, "items", 0, "value"], 1787)),
    ("comparison source other than the claim's",
     set_field(["comparisons", 0, "items", 1, "source"], "Amnesty International")),
    ("comparison places other than the claim's",
     set_field(["comparisons", 0, "items", 0, "places"], ["Syrie"])),
    ("comparison with two items from one claim",
     set_field(["comparisons", 0, "items", 1, "claim"], "c1")),
    ("comparison item with a doc id inside one article",
     set_field(["comparisons", 0, "items", 0, "doc"], "rich.txt")),
]


# (label, change to linked_document()) that contract_errors() must reject.
LINK_REJECTS = [
    ("link to a missing mention", set_field(["mentions", 1, "link"], "m9")),
    ("link that is not mutual", set_field(["mentions", 0, "link"], "m3")),
    ("link between two quantities", lambda d: (mention_of(d, "m2").update(link="m3"),
                                               mention_of(d, "m3").update(link="m2"),
                                               mention_of(d, "m1").pop("link"))),
    ("link from a date that is not a duration", lambda d: mention_of(d, "m1").update(
        value="2015-11", type="date")),
    ("link from a quantity without a time unit", lambda d: mention_of(d, "m2").update(
        unit=None)),
]


def optional_additions(document):
    """What a later /1 emitter may add: open doc fields, a date range."""
    document["doc"]["title"] = "Frappes: 119 victimes civiles"
    mention_of(document, "m4")["range"] = {"start": "2014-08-01", "end": "2014-08-31"}


def markdown_examples(schema_md_path):
    """(text bytes, JSON document) pairs from docs/schema.md: each ```json block
    holding a whole document follows the ```text block of its input."""
    with open(schema_md_path, encoding="utf-8") as f:
        markdown = f.read()
    blocks = re.findall(r"^```(\w*)\n(.*?)\n```$", markdown, re.S | re.M)
    pairs = []
    for index, (language, body) in enumerate(blocks):
        if language == "json" and '"schema": "claimx/1"' in body:
            text = None
            if index and blocks[index - 1][0] == "text":
                text = blocks[index - 1][1].encode("utf-8")
            pairs.append((text, body))
    return pairs


def check_hand_written(tally, validator, source_dir):
    print("a. hand-written documents")
    valid = [("rich document (every kind, BOM, NBSP)", rich_document(), RICH_TEXT),
             ("document with invalid UTF-8 in a mention", invalid_utf8_document(),
              INVALID_UTF8_TEXT),
             ("empty document", make_document("empty.txt", b"", [], [], sentences=0), b""),
             ("optional additions (doc.title, date range)",
              with_change(rich_document(), optional_additions), RICH_TEXT),
             ("linked duration and time quantity", linked_document(), LINKED_TEXT),
             ("older /1 output without comparisons",
              with_change(rich_document(), delete_field(["comparisons"])), RICH_TEXT)]
    for label, doc, original in valid:
        tally.record(f"valid: {label}", all_errors(validator, doc, original))

    for label, change in SCHEMA_REJECTS:
        broken = with_change(rich_document(), change)
        tally.expect_failure(f"schema rejects: {label}", schema_errors(validator, broken))

    for label, change in LINK_REJECTS:
        broken = with_change(linked_document(), change)
        tally.record(f"schema accepts: {label}", schema_errors(validator, broken))
        tally.expect_failure(f"contract rejects: {label}", contract_errors(broken, LINKED_TEXT))

    for label, change in CONTRACT_REJECTS:
        broken = with_change(rich_document(), change)
        problems = schema_errors(validator, broken)
        if problems:
            tally.record(f"contract rejects: {label}",
                         ["the schema already rejects this case, so it does not "
                          "test contract_errors()"] + problems)
            continue
        tally.expect_failure(f"contract rejects: {label}", contract_errors(broken, RICH_TEXT))

    schema_md = os.path.join(source_dir, "docs", "schema.md")
    if not os.path.exists(schema_md):
        tally.record("docs/schema.md examples", [f"{schema_md} does not exist"])
        return
    examples = markdown_examples(schema_md)
    if not examples:
        tally.record("docs/schema.md examples", ["no ```json block holding a document"])
    for number, (text, body) in enumerate(examples, 1):
        label = f"docs/schema.md example {number}"
        try:
            doc = parse_json_strictly(body)
        except ValueError as error:
            tally.record(label, [f"not JSON: {error}"])
            continue
        tally.record(label, all_errors(validator, doc, text))


# ---------------------------------------------------------------------------
# b, c. Output of the claimx binary

CRAFTED_INPUTS = {
    "empty.txt": b"",
    "blank_lines.txt": b"  \n\n\t\n",
    "nbsp.txt": "94\u00a0000 manifestants ont défilé à Paris.".encode("utf-8"),
    "narrow_nbsp_percent.txt": "Environ 80\u202f% des frappes.".encode("utf-8"),
    "invalid_utf8.txt": b"1787 civ\xffils",
    "invalid_utf8_mixed.txt": (b"Au moins \xc3 300 morts \xed\xa0\x80 en \xf0\x9f "
                               b"2014, selon l'ONU\xc0\xaf."),
    "lone_guillemet.txt": "«".encode("utf-8"),
    "unclosed_quote.txt": "« Nous avons tué 64 civils, a-t-il dit.".encode("utf-8"),
    "crlf.txt": ("Selon l'ONG, 1787 civils ont été tués.\r\n\r\n"
                 "Au moins 300 victimes en 2014.\r\n").encode("utf-8"),
    "lone_cr.txt": b"119 victimes civiles.\r\rEn 2014.",
    "bom.txt": b"\xef\xbb\xbf" + "Selon l'ONG, 1787 civils ont été tués.".encode("utf-8"),
    "nul.txt": b"1787\x00civils\x00 ont fui\x00\x00 en ao\xc3\xbbt 2014.",
    "decomposed_soft_hyphen.txt": ("Les E\u0301tats-Unis ont mene\u0301 80 % des "
                                   "bom\u00adbardements en 2016.").encode("utf-8"),
}

# What doc.normalization must say about some crafted inputs.
EXPECTED_NORMALIZATION = {
    "empty.txt": {"invalid_utf8": 0, "first_invalid_offset": None, "bom": False},
    "nbsp.txt": {"invalid_utf8": 0, "spaces_unified": 1, "bom": False},
    "invalid_utf8.txt": {"invalid_utf8": 1, "first_invalid_offset": 8},
    "invalid_utf8_mixed.txt": {"first_invalid_offset": 9},
    "bom.txt": {"bom": True, "removed": 1},
}


def run_claimx(binary, arguments, stdin_bytes=None):
    """(exit status, stdout bytes, stderr text) or raises subprocess errors."""
    completed = subprocess.run([binary] + arguments, input=stdin_bytes,
                               stdin=None if stdin_bytes is not None else subprocess.DEVNULL,
                               capture_output=True, timeout=RUN_TIMEOUT_SECONDS)
    return (completed.returncode, completed.stdout,
            completed.stderr.decode("utf-8", "replace").strip())


def parse_output(output_format, stdout):
    """The one document in stdout, or raises ValueError naming the problem."""
    text = stdout.decode("utf-8")  # claimx output is always valid UTF-8
    if output_format == "jsonl":
        if not text.endswith("\n") or text.count("\n") != 1:
            raise ValueError(f"jsonl output for one file must be exactly one line "
                             f"ending in \\n; got {text.count(chr(10))} newline(s)")
    return parse_json_strictly(text)


def output_problems(validator, name, original, output_format, status, stdout, stderr,
                    expected_id=None):
    """(problems, the parsed document or None) for one run of claimx."""
    if status not in (0, 1):
        return [f"exit status {status} (expected 0 or 1); "
                f"stderr: {stderr or '(empty)'}"], None
    try:
        document = parse_output(output_format, stdout)
    except (UnicodeDecodeError, ValueError) as error:
        return [f"output is not one {output_format} document: {error}; "
                f"stdout starts {stdout[:120]!r}"], None
    problems = all_errors(validator, document, original)
    if problems:
        return problems, document
    found = bool(document["mentions"] or document["claims"])
    if found != (status == 0):
        problems.append(f"exit status {status} but {len(document['mentions'])} mention(s) "
                        f"and {len(document['claims'])} claim(s) (0 means some were found, "
                        f"1 none)")
    if document["doc"]["date"] != REFERENCE_DATE:
        problems.append(f"doc.date is {document['doc']['date']!r}, --date was {REFERENCE_DATE}")
    if expected_id is not None and document["doc"]["id"] != expected_id:
        problems.append(f"doc.id is {document['doc']['id']!r}, --id was {expected_id!r}")
    for field, value in EXPECTED_NORMALIZATION.get(name, {}).items():
        actual = document["doc"]["normalization"][field]
        if actual != value:
            problems.append(f"doc.normalization.{field} is {actual!r}, expected {value!r}")
    return problems, document


def check_file(tally, validator, binary, rules_dir, path, label):
    with open(path, "rb") as f:
        original = f.read()
    name = os.path.basename(path)
    common = ["--date", REFERENCE_DATE] + (["--rules", rules_dir] if rules_dir else [])
    documents = {}
    for output_format in ("json", "jsonl"):
        check_label = f"{label} [{output_format}]"
        try:
            status, stdout, stderr = run_claimx(
                binary, ["annotate", "--format", output_format] + common + [path])
        except subprocess.TimeoutExpired:
            tally.record(check_label, [f"claimx did not finish in {RUN_TIMEOUT_SECONDS}s"])
            continue
        except OSError as error:
            tally.record(check_label, [f"cannot run {binary}: {error}"])
            continue
        problems, document = output_problems(validator, name, original, output_format,
                                             status, stdout, stderr)
        tally.record(check_label, problems)
        if not problems:
            documents[output_format] = document
    if len(documents) == 2:
        tally.record(f"{label} [json and jsonl agree]",
                     [] if documents["json"] == documents["jsonl"] else
                     ["--format json and --format jsonl give different documents"])
    return documents.get("jsonl")


def check_stdin(tally, validator, binary, rules_dir, path):
    with open(path, "rb") as f:
        original = f.read()
    label = f"stdin with --id ({os.path.basename(path)}) [jsonl]"
    arguments = ["annotate", "-", "--format", "jsonl", "--date", REFERENCE_DATE,
                 "--id", "stdin-check"] + (["--rules", rules_dir] if rules_dir else [])
    try:
        status, stdout, stderr = run_claimx(binary, arguments, stdin_bytes=original)
    except (subprocess.TimeoutExpired, OSError) as error:
        tally.record(label, [f"cannot run claimx: {error}"])
        return
    problems, _ = output_problems(validator, os.path.basename(path), original, "jsonl",
                                  status, stdout, stderr, expected_id="stdin-check")
    tally.record(label, problems)


def check_binary(tally, validator, binary, source_dir):
    print("b. claimx output on the seed article and crafted inputs")
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        tally.record(f"claimx binary {binary}",
                     ["not found or not executable: build the `claimx` target first; "
                      "parts b and c need it"])
        return False
    rules_dir = os.path.join(source_dir, "rules")
    rules_dir = rules_dir if os.path.isdir(rules_dir) else None
    seed = os.path.join(source_dir, "corpora", "fr", "examples", "afp_frappes_civils.txt")
    if os.path.exists(seed):
        check_file(tally, validator, binary, rules_dir, seed, "corpora/fr/examples/"
                   "afp_frappes_civils.txt")
    else:
        tally.record("seed article", [f"{seed} does not exist"])
    with tempfile.TemporaryDirectory(prefix="claimx-schema-") as directory:
        for name, content in CRAFTED_INPUTS.items():
            path = os.path.join(directory, name)
            with open(path, "wb") as f:
                f.write(content)
            check_file(tally, validator, binary, rules_dir, path, f"crafted {name}")
        check_stdin(tally, validator, binary, rules_dir, os.path.join(directory, "nbsp.txt"))
    return True


def check_shared_corpora(tally, validator, binary, source_dir):
    corpora = os.path.normpath(os.path.join(source_dir, "..", "shared", "corpora"))
    if not os.path.isdir(corpora):
        print(f"c. skipped: {corpora} does not exist")
        return
    print(f"c. claimx output on {corpora}")
    rules_dir = os.path.join(source_dir, "rules")
    rules_dir = rules_dir if os.path.isdir(rules_dir) else None
    paths = sorted(os.path.join(root, name)
                   for root, _, names in os.walk(corpora)
                   for name in names if name.endswith(".txt"))
    originals = {}
    records = []
    for path in paths:
        label = os.path.relpath(path, corpora)
        with open(path, "rb") as f:
            original = f.read()
        try:
            text = original.decode("utf-8")
        except UnicodeDecodeError:
            # A JSONL record holds text, not bytes: annotate it alone.
            check_file(tally, validator, binary, rules_dir, path, label)
            continue
        originals[label] = original
        records.append(json.dumps({"id": label, "date": REFERENCE_DATE, "text": text},
                                  ensure_ascii=False))
    mapped = run_mapper(tally, binary, rules_dir, records)
    mapped_documents = {}  # by id, for the comparison with annotate
    for label, line in zip(originals, mapped):
        document = check_mapped_record(tally, validator, label, originals[label], line)
        if document is not None:
            mapped_documents[label] = document
    for path in paths[::CORPUS_SAMPLE_EVERY]:
        label = os.path.relpath(path, corpora)
        annotated = check_file(tally, validator, binary, rules_dir, path, label)
        if annotated is None or label not in originals:
            continue
        record = mapped_documents.get(label)
        if record is not None:
            record = copy.deepcopy(record)
            record["doc"].pop("content_hash", None)
            annotated = dict(annotated, doc=dict(annotated["doc"], id=label))
        tally.record(f"{label} [annotate agrees with batch --mapper]",
                     [] if record == annotated else
                     ["claimx annotate and claimx batch --mapper give different documents"])


def run_mapper(tally, binary, rules_dir, records):
    """The mapper's output lines, one per record (checked), or []."""
    label = f"{len(records)} corpus articles through claimx batch --mapper"
    arguments = ["batch", "--mapper", "--quiet"] + (["--rules", rules_dir] if rules_dir else [])
    try:
        completed = subprocess.run([binary] + arguments,
                                   input=("\n".join(records) + "\n").encode("utf-8"),
                                   capture_output=True, timeout=MAPPER_TIMEOUT_SECONDS)
    except (subprocess.TimeoutExpired, OSError) as error:
        tally.record(label, [f"cannot run claimx batch --mapper: {error}"])
        return []
    lines = completed.stdout.decode("utf-8", "replace").splitlines()
    problems = []
    if completed.returncode != 0:
        problems.append(f"exit status {completed.returncode}; stderr: "
                        f"{completed.stderr.decode('utf-8', 'replace').strip() or '(empty)'}")
    if len(lines) != len(records):
        problems.append(f"{len(lines)} output lines for {len(records)} records")
    tally.record(label, problems)
    return lines if not problems else []


def check_mapped_record(tally, validator, label, original, line):
    """The record's document when it passes every check, else None."""
    check_label = f"{label} [batch --mapper]"
    try:
        document = parse_json_strictly(line)
    except ValueError as error:
        tally.record(check_label, [f"not one JSON document: {error}; starts {line[:120]!r}"])
        return None
    problems = all_errors(validator, document, original)
    if not problems:
        if document["doc"]["id"] != label:
            problems.append(f"doc.id is {document['doc']['id']!r}, the record's id is {label!r} "
                            f"(records out of order?)")
        if document["doc"]["date"] != REFERENCE_DATE:
            problems.append(f"doc.date is {document['doc']['date']!r}, the record's date is "
                            f"{REFERENCE_DATE}")
    tally.record(check_label, problems)
    return None if problems else document


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary, source_dir = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    schema_path = os.path.join(source_dir, "docs", "schema", "claimx-v1.schema.json")
    tally = Tally()
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = parse_json_strictly(f.read())
        jsonschema.Draft7Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as error:
        tally.record(f"schema file {schema_path}", [str(error)])
        print(f"{tally.passed} passed, {tally.failed} failed")
        return 1
    tally.record("schema file is a valid draft-07 schema", [])
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.draft7_format_checker)

    check_hand_written(tally, validator, source_dir)
    if check_binary(tally, validator, binary, source_dir):
        check_shared_corpora(tally, validator, binary, source_dir)
    print(f"{tally.passed} passed, {tally.failed} failed")
    return 0 if tally.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
