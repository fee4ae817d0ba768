#!/usr/bin/python3
"""Opens claimx's HTML page in a real headless browser (Debian's chromium).

Usage: tests/browser_test.py <claimx-binary> <project-source-dir> [screenshot.png]

  a. The seed article: the DOM chromium builds (after the page's script ran)
     holds exactly one element per mention, with the data attributes of the
     mention's JSON form (kind, rule, start, end and every value field), one
     element per claim, and the script marked the page ready.
  b. A hostile article ("<script>", "\"><img onerror=...>", quotes that try
     to close attributes) and a hostile --id: no element, attribute or script
     comes from the text; the text is shown as written.
  c. A screenshot of the seed page is a PNG (written to the third argument
     when given: docs/seed_page.png is made this way).

Exit 0 when every check passes, 77 (ctest SKIP_RETURN_CODE) when chromium is
not installed, 1 otherwise.
"""

import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
BROWSER_TIMEOUT_SECONDS = 120
SEED_DATE = "2016-11-10"

HOSTILE_TEXT = (
    "<script>alert(1)</script> Selon l'ONG \"><img src=x onerror=alert(2)>, "
    "1787 civils ont été tués en Irak ' onmouseover='alert(3)' depuis août 2014.\n\n"
    "</article><script>document.title='pwned'</script> «Nous avons tué 64 civils», "
    "a dit <b>le colonel</b> &amp; ses hommes à Mossoul.\n"
)
HOSTILE_ID = "\"><img src=x onerror=alert(4)>"


class Element:
    def __init__(self, tag, attrs):
        self.tag = tag
        self.attrs = dict(attrs)


class DomCollector(html.parser.HTMLParser):
    """Every element with its attributes, and the text inside <article>
    (without the <sup class="cite"> links the page adds after a claim)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.article_depth = 0
        self.cite_depth = 0
        self.article_text = []

    def handle_starttag(self, tag, attrs):
        self.elements.append(Element(tag, attrs))
        if tag == "article":
            self.article_depth += 1
        if tag == "sup" and ("class", "cite") in attrs:
            self.cite_depth += 1
        elif tag == "sup" and self.cite_depth > 0:
            self.cite_depth += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.article_depth -= 1
        if tag == "sup" and self.cite_depth > 0:
            self.cite_depth -= 1

    def handle_data(self, data):
        if self.article_depth > 0 and self.cite_depth == 0:
            self.article_text.append(data)


def find_browser():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browser_command(browser, profile):
    command = [browser, "--headless", "--disable-gpu", "--no-first-run",
               "--disable-extensions", f"--user-data-dir={profile}"]
    if os.geteuid() == 0:
        command.append("--no-sandbox")  # chromium refuses to run as root otherwise
    return command


def dump_dom(browser, profile, page):
    completed = subprocess.run(
        browser_command(browser, profile) + ["--dump-dom", "file://" + page],
        capture_output=True, timeout=BROWSER_TIMEOUT_SECONDS)
    if completed.returncode != 0:
        raise RuntimeError(f"chromium --dump-dom failed ({completed.returncode}): "
                           f"{completed.stderr.decode('utf-8', 'replace')[-500:]}")
    collector = DomCollector()
    collector.feed(completed.stdout.decode("utf-8"))
    return collector


def claimx(binary, source_dir, path, output_format, *extra):
    completed = subprocess.run(
        [binary, "annotate", path, "--date", SEED_DATE, "--format", output_format,
         "--rules", os.path.join(source_dir, "rules")] + list(extra),
        capture_output=True, timeout=60)
    if completed.returncode not in (0, 1):
        raise RuntimeError(f"claimx {output_format} exited {completed.returncode}: "
                           f"{completed.stderr.decode('utf-8', 'replace')}")
    return completed.stdout


def attribute_text(value):
    """A JSON value as the page writes it into a data attribute."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return f"{value['start']}/{value['end']}"
    return json.dumps(value, ensure_ascii=False)


def mention_problems(dom, document):
    problems = []
    by_id = {}
    for element in dom.elements:
        element_id = element.attrs.get("data-id")
        if element_id is not None:
            by_id.setdefault(element_id, []).append(element)
    for mention in document["mentions"]:
        found = by_id.get(mention["id"], [])
        if len(found) != 1:
            problems.append(f"{mention['id']}: {len(found)} elements, expected 1")
            continue
        attrs = found[0].attrs
        expected = {"data-kind": mention["kind"], "data-rule": mention["rule"],
                    "data-start": str(mention["start"]), "data-end": str(mention["end"])}
        for key, value in mention.items():
            if key in ("id", "kind", "start", "end", "text", "rule", "sentence") or \
                    value is None:
                continue
            expected["data-" + key.replace("_", "-")] = attribute_text(value)
        for name, value in expected.items():
            if attrs.get(name) != value:
                problems.append(f"{mention['id']}: {name}={attrs.get(name)!r}, "
                                f"expected {value!r}")
        if attrs.get("tabindex") != "0":
            problems.append(f"{mention['id']}: not focusable (tabindex)")
    mention_elements = sum(1 for e in dom.elements
                           if e.attrs.get("data-id", "").startswith("m"))
    if mention_elements != len(document["mentions"]):
        problems.append(f"{mention_elements} mention elements for "
                        f"{len(document['mentions'])} mentions")
    for claim in document["claims"]:
        found = [e for e in by_id.get(claim["id"], []) if "claim" in e.attrs.get("class", "")]
        if len(found) != 1:
            problems.append(f"{claim['id']}: {len(found)} claim elements, expected 1")
    return problems


def injection_problems(dom, expected_title):
    problems = []
    scripts = [e for e in dom.elements if e.tag == "script"]
    if len(scripts) != 1:
        problems.append(f"{len(scripts)} <script> elements, expected the page's own")
    for element in dom.elements:
        if element.tag in ("img", "b", "iframe", "object", "embed"):
            problems.append(f"injected <{element.tag}> element {element.attrs}")
        for name in element.attrs:
            if name.startswith("on"):
                problems.append(f"<{element.tag}> has an event attribute {name}")
    html_element = next((e for e in dom.elements if e.tag == "html"), None)
    if html_element is None or html_element.attrs.get("data-ready") != "true":
        problems.append("the page's script did not run to its end (no data-ready)")
    titles = [e for e in dom.elements if e.tag == "title"]
    if len(titles) != 1:
        problems.append(f"{len(titles)} <title> elements")
    articles = [e for e in dom.elements if e.tag == "article"]
    if len(articles) != 1:
        problems.append(f"{len(articles)} <article> elements")
    return problems


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary, source_dir = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    browser = find_browser()
    if browser is None:
        print("SKIP: chromium is not installed (apt-get install chromium)")
        return SKIP
    failures = 0

    def report(label, problems):
        nonlocal failures
        if problems:
            failures += 1
            print(f"FAIL {label}")
            for problem in problems[:20]:
                print(f"     {problem}")
        else:
            print(f"ok   {label}")

    seed = os.path.join(source_dir, "corpora", "fr", "examples", "afp_frappes_civils.txt")
    with tempfile.TemporaryDirectory(prefix="claimx-browser-") as tmp:
        profile = os.path.join(tmp, "profile")
        seed_page = os.path.join(tmp, "seed.html")
        with open(seed_page, "wb") as f:
            f.write(claimx(binary, source_dir, seed, "html"))
        document = json.loads(claimx(binary, source_dir, seed, "json"))
        dom = dump_dom(browser, profile, seed_page)
        report("seed: one element per mention with its data attributes",
               mention_problems(dom, document))
        report("seed: nothing but the page's own markup", injection_problems(dom, None))

        # A link to a mention (seed.html#m13) opens with its details shown;
        # without one the tooltip stays hidden.
        def tip_hidden(page_dom):
            tips = [e for e in page_dom.elements if e.attrs.get("id") == "tip"]
            return None if len(tips) != 1 else "hidden" in tips[0].attrs
        linked = next((m["id"] for m in document["mentions"] if m["kind"] == "quantity"), None)
        problems = []
        if tip_hidden(dom) is not True:
            problems.append("the tooltip is shown (or missing) on a page opened without a link")
        if linked is None:
            problems.append("the seed has no quantity mention to link to")
        else:
            linked_dom = dump_dom(browser, profile, seed_page + "#" + linked)
            if tip_hidden(linked_dom) is not False:
                problems.append(f"seed.html#{linked} does not show the tooltip")
        report("seed: a #mention link shows that mention's details", problems)

        hostile = os.path.join(tmp, "hostile.txt")
        with open(hostile, "wb") as f:
            f.write(HOSTILE_TEXT.encode("utf-8"))
        hostile_page = os.path.join(tmp, "hostile.html")
        with open(hostile_page, "wb") as f:
            f.write(claimx(binary, source_dir, hostile, "html", "--id", HOSTILE_ID))
        hostile_document = json.loads(
            claimx(binary, source_dir, hostile, "json", "--id", HOSTILE_ID))
        dom = dump_dom(browser, profile, hostile_page)
        problems = injection_problems(dom, None)
        problems += mention_problems(dom, hostile_document)
        shown = "".join(dom.article_text)
        if HOSTILE_TEXT not in shown.replace("\u00a0", " ") and not shown.startswith(
                HOSTILE_TEXT):
            problems.append(f"the article text is not shown as written: {shown[:200]!r}")
        report("hostile article and id: no injected element, text shown as written",
               problems)

        screenshot = argv[3] if len(argv) == 4 else os.path.join(tmp, "seed.png")
        completed = subprocess.run(
            browser_command(browser, profile) +
            ["--hide-scrollbars", "--window-size=1280,1400",
             f"--screenshot={os.path.abspath(screenshot)}", "file://" + seed_page],
            capture_output=True, timeout=BROWSER_TIMEOUT_SECONDS)
        problems = []
        if completed.returncode != 0:
            problems.append(f"chromium --screenshot exited {completed.returncode}")
        elif not os.path.exists(screenshot):
            problems.append("no screenshot written")
        else:
            with open(screenshot, "rb") as f:
                data = f.read()
            if not data.startswith(b"\x89PNG\r\n\x1a\n") or len(data) < 10000:
                problems.append(f"screenshot is not a plausible PNG ({len(data)} bytes)")
        report("seed: screenshot", problems)
    print(f"{'FAILED' if failures else 'passed'}: {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
