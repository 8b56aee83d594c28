"""Sums the counters of every .trx file under a folder and prints the one line CI reads:
'N passed, N failed, N skipped', preceded by the name and the start of the error of each failed
test (CI shows only the end of the output). Exits 1 when no test ran."""
import pathlib
import sys
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
failures = []
for trx in pathlib.Path(sys.argv[1]).rglob("*.trx"):
    root = ET.parse(trx).getroot()
    counters = root.find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
    for result in root.iterfind("t:Results/t:UnitTestResult", ns):
        if result.get("outcome") in ("Passed", "NotExecuted"):
            continue
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns)
        failures.append((result.get("testName"), " ".join(message.split())[:600]))
for name, message in failures:
    print(f"FAILED {name}: {message}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(0 if passed + failed > 0 else 1)
