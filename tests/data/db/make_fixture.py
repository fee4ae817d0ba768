#!/usr/bin/python3
"""Writes claims.jsonl: hand-written claimx/1 documents for the database tests.

Usage: /usr/bin/python3 tests/data/db/make_fixture.py > tests/data/db/claims.jsonl

The article texts below were written for these tests. Offsets, statements
and mention texts are computed from them, so the documents satisfy the
offsets contract of docs/schema.md. The first document carries a top-level
`comparisons` list (the issue 8 addition to schema v1); the others have
none. Expected answers of the docs/db.md example queries over this file:

  victimes civiles in Syria by source:  Airwars 1787; Amnesty International
    300 (at_least) and 50; Observatoire syrien des droits de l'homme 119;
    no source 30. Not Centcom's 64 (Iraq only), not Amnesty's 4 000 réfugiés.
  claims by Amnesty International in 2016: fixture-syrie-1 c1 and
    fixture-syrie-2 c1 (not the 2015 and 2017 ones).
"""

import hashlib
import json
import sys


class Article:
    def __init__(self, doc_id, date, sentences, batch_fields=True, title=None):
        self.text = " ".join(sentences)
        self.data = self.text.encode("utf-8")
        self.sentence_starts = []
        offset = 0
        for sentence in sentences:
            self.sentence_starts.append(offset)
            offset += len(sentence.encode("utf-8")) + 1
        self.mentions = []
        self.claims = []
        self.comparisons = None
        self.doc = {"id": doc_id, "date": date, "lang": "fr", "bytes": len(self.data),
                    "normalization": {"invalid_utf8": 0, "first_invalid_offset": None,
                                      "removed": 0, "spaces_unified": 0, "nfc_runs": 0,
                                      "bom": False},
                    "paragraphs": 1, "sentences": len(sentences)}
        if batch_fields:
            self.doc["content_hash"] = hashlib.sha256(self.data).hexdigest()
            self.doc["title"] = title
            self.doc["url"] = f"https://example.org/{doc_id}"

    def span(self, piece, sentence):
        start = self.data.index(piece.encode("utf-8"), self.sentence_starts[sentence])
        return start, start + len(piece.encode("utf-8"))

    def mention(self, kind, piece, sentence, rule, **fields):
        start, end = self.span(piece, sentence)
        mention = {"id": None, "kind": kind, "start": start, "end": end, "text": piece,
                   "rule": rule, "sentence": sentence}
        mention.update(fields)
        self.mentions.append(mention)
        return mention

    def quantity(self, piece, sentence, value, entity, lemma, bound="exact"):
        return self.mention("quantity", piece, sentence, "fr.quantity.number", value=value,
                            unit=None, entity=entity, entity_lemma=lemma, bound=bound,
                            low=None, high=None, approx=False)

    def place(self, piece, sentence, name, country, place_type):
        return self.mention("place", piece, sentence, "fr.place.gazetteer", name=name,
                            country=country, type=place_type)

    def date_mention(self, piece, sentence, value):
        return self.mention("date", piece, sentence, "fr.date.year", value=value,
                            type="date", mod=None)

    def source(self, piece, sentence, name, source_type, role=None):
        return self.mention("source", piece, sentence, "fr.source.organization", name=name,
                            type=source_type, role=role)

    def claim(self, claim_type, statement, sentence, source, cue, cue_lemma, items, rule):
        start, end = self.span(statement, sentence)
        claim = {"id": None, "type": claim_type, "start": start, "end": end,
                 "statement": statement, "source": None, "cue": None,
                 "quantities": [m for m in items if m["kind"] == "quantity"],
                 "dates": [m for m in items if m["kind"] == "date"],
                 "places": [m for m in items if m["kind"] == "place"],
                 "rule": rule, "confidence": 0.9 if source else 0.5}
        if source is not None:
            claim["source"] = {"name": source["name"], "type": source["type"],
                               "role": source["role"], "mention": source}
            cue_start, cue_end = self.span(cue, sentence)
            claim["cue"] = {"text": cue, "lemma": cue_lemma, "start": cue_start,
                            "end": cue_end}
        self.claims.append(claim)
        return claim

    def json(self):
        self.mentions.sort(key=lambda m: (m["start"], m["end"]))
        for number, mention in enumerate(self.mentions, 1):
            mention["id"] = f"m{number}"
        self.claims.sort(key=lambda c: (c["start"], c["end"]))
        for number, claim in enumerate(self.claims, 1):
            claim["id"] = f"c{number}"
        claims = []
        for claim in self.claims:
            out = dict(claim)
            for field in ("quantities", "dates", "places"):
                out[field] = [m["id"] for m in sorted(claim[field], key=lambda m: m["start"])]
            if claim["source"] is not None:
                out["source"] = dict(claim["source"], mention=claim["source"]["mention"]["id"])
            claims.append(out)
        document = {"schema": "claimx/1", "doc": self.doc, "mentions": self.mentions,
                    "claims": claims}
        if self.comparisons is not None:
            document["comparisons"] = self.comparisons(self)
        return document


def syrie_1():
    a = Article("fixture-syrie-1", "2016-11-10", [
        "Selon Amnesty International, au moins 300 victimes civiles ont été tuées en Syrie depuis 2014.",
        "L'ONG Airwars estime que 1787 victimes civiles ont été tuées en Irak et en Syrie.",
        "En Irak, 64 victimes civiles ont été recensées, a déclaré le porte-parole du Centcom.",
    ], title="Frappes : le décompte des victimes civiles")
    amnesty = a.source("Amnesty International", 0, "Amnesty International", "organization")
    q300 = a.quantity("au moins 300 victimes civiles", 0, 300, "victimes civiles",
                      "victime civile", bound="at_least")
    syrie0 = a.place("Syrie", 0, "Syrie", "SY", "country")
    y2014 = a.date_mention("2014", 0, "2014")
    a.claim("according_to", "au moins 300 victimes civiles ont été tuées en Syrie depuis 2014",
            0, amnesty, "Selon", "selon", [q300, syrie0, y2014], "fr.claim.selon")
    airwars = a.source("L'ONG Airwars", 1, "Airwars", "organization")
    q1787 = a.quantity("1787 victimes civiles", 1, 1787, "victimes civiles", "victime civile")
    irak1 = a.place("Irak", 1, "Irak", "IQ", "country")
    syrie1 = a.place("Syrie", 1, "Syrie", "SY", "country")
    a.claim("indirect", "1787 victimes civiles ont été tuées en Irak et en Syrie", 1, airwars,
            "estime", "estimer", [q1787, irak1, syrie1], "fr.claim.estimer_que")
    irak2 = a.place("Irak", 2, "Irak", "IQ", "country")
    q64 = a.quantity("64 victimes civiles", 2, 64, "victimes civiles", "victime civile")
    centcom = a.source("le porte-parole du Centcom", 2, "Centcom", "organization",
                       role="porte-parole")
    a.claim("indirect", "En Irak, 64 victimes civiles ont été recensées", 2, centcom,
            "a déclaré", "déclarer", [irak2, q64], "fr.claim.declarer")

    def comparisons(article):
        claims = {c["statement"][:4]: c for c in article.claims}
        def item(prefix, source, value, bound):
            claim = claims[prefix]
            return {"claim": claim["id"], "source": source, "value": value, "bound": bound,
                    "places": [m["id"] for m in claim["places"]],
                    "dates": [m["id"] for m in claim["dates"]]}
        return [{"entity": "victime civile", "unit": None, "items": [
            item("au m", "Amnesty International", 300, "at_least"),
            item("1787", "Airwars", 1787, "exact"),
            item("En I", "Centcom", 64, "exact")]}]
    a.comparisons = comparisons
    return a


def syrie_2():
    a = Article("fixture-syrie-2", "2016-03-02", [
        "Amnesty International a affirmé que 4 000 réfugiés ont quitté Alep, en Syrie.",
        "Selon l'Observatoire syrien des droits de l'homme, 119 victimes civiles sont mortes à Alep.",
    ], title="Alep : l'exode")
    amnesty = a.source("Amnesty International", 0, "Amnesty International", "organization")
    q4000 = a.quantity("4 000 réfugiés", 0, 4000, "réfugiés", "réfugié")
    alep0 = a.place("Alep", 0, "Alep", "SY", "city")
    syrie0 = a.place("Syrie", 0, "Syrie", "SY", "country")
    a.claim("indirect", "4 000 réfugiés ont quitté Alep, en Syrie", 0, amnesty, "a affirmé",
            "affirmer", [q4000, alep0, syrie0], "fr.claim.affirmer_que")
    osdh = a.source("l'Observatoire syrien des droits de l'homme", 1,
                    "Observatoire syrien des droits de l'homme", "organization")
    q119 = a.quantity("119 victimes civiles", 1, 119, "victimes civiles", "victime civile")
    alep1 = a.place("Alep", 1, "Alep", "SY", "city")
    a.claim("according_to", "119 victimes civiles sont mortes à Alep", 1, osdh, "Selon",
            "selon", [q119, alep1], "fr.claim.selon")
    return a


def year_2015():
    # As `claimx annotate --format jsonl` writes it: no content_hash, title or url.
    a = Article("fixture-2015", "2015-06-01", [
        "Selon Amnesty International, 12 journalistes ont été arrêtés en Turquie en 2015.",
        "Selon Amnesty International, 50 victimes civiles ont péri en Syrie.",
    ], batch_fields=False)
    amnesty0 = a.source("Amnesty International", 0, "Amnesty International", "organization")
    q12 = a.quantity("12 journalistes", 0, 12, "journalistes", "journaliste")
    turquie = a.place("Turquie", 0, "Turquie", "TR", "country")
    y2015 = a.date_mention("2015", 0, "2015")
    a.claim("according_to", "12 journalistes ont été arrêtés en Turquie en 2015", 0, amnesty0,
            "Selon", "selon", [q12, turquie, y2015], "fr.claim.selon")
    amnesty1 = a.source("Amnesty International", 1, "Amnesty International", "organization")
    q50 = a.quantity("50 victimes civiles", 1, 50, "victimes civiles", "victime civile")
    syrie = a.place("Syrie", 1, "Syrie", "SY", "country")
    a.claim("according_to", "50 victimes civiles ont péri en Syrie", 1, amnesty1, "Selon",
            "selon", [q50, syrie], "fr.claim.selon")
    return a


def year_2017():
    a = Article("fixture-2017", "2017-01-15", [
        "Amnesty International a dénoncé 20 exécutions en Iran.",
        "Au total, 30 victimes civiles ont été comptées en Syrie.",
    ], title="Bilan")
    amnesty = a.source("Amnesty International", 0, "Amnesty International", "organization")
    q20 = a.quantity("20 exécutions", 0, 20, "exécutions", "exécution")
    iran = a.place("Iran", 0, "Iran", "IR", "country")
    a.claim("indirect", "20 exécutions en Iran", 0, amnesty, "a dénoncé", "dénoncer",
            [q20, iran], "fr.claim.denoncer")
    q30 = a.quantity("30 victimes civiles", 1, 30, "victimes civiles", "victime civile")
    syrie = a.place("Syrie", 1, "Syrie", "SY", "country")
    a.claim("unattributed", "30 victimes civiles ont été comptées en Syrie", 1, None, None,
            None, [q30, syrie], "fr.claim.unattributed")
    return a


def main():
    for article in (syrie_1(), syrie_2(), year_2015(), year_2017()):
        sys.stdout.write(json.dumps(article.json(), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
