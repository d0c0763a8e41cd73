"""Independent readers for the export round-trip tests: Python's own XML, CSV and ZIP modules
read Zanjir's GraphML and zipped CSV and print what they found as JSON."""
import csv
import io
import json
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = "{http://graphml.graphdrawing.org/xmlns}"


def graphml(path):
    root = ET.parse(path).getroot()
    assert root.tag == NS + "graphml", root.tag
    keys = {k.get("id"): {"for": k.get("for"), "name": k.get("attr.name"), "type": k.get("attr.type")} for k in root.findall(NS + "key")}
    graph = root.find(NS + "graph")
    assert graph.get("edgedefault") == "directed"
    nodes = {}
    for n in graph.findall(NS + "node"):
        nodes[n.get("id")] = {keys[d.get("key")]["name"]: d.text or "" for d in n.findall(NS + "data")}
    edges = []
    for e in graph.findall(NS + "edge"):
        data = {keys[d.get("key")]["name"]: d.text or "" for d in e.findall(NS + "data")}
        edges.append({"source": e.get("source"), "target": e.get("target"), "data": data})
    return {"keys": keys, "nodes": nodes, "edges": edges}


def csv_zip(path):
    out = {}
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        for name in z.namelist():
            data = z.read(name)
            bom = data.startswith(b"\xef\xbb\xbf")
            text = data.decode("utf-8-sig")
            rows = list(csv.reader(io.StringIO(text, newline="")))
            out[name] = {"bom": bom, "header": rows[0], "rows": rows[1:]}
    return out


kind, path = sys.argv[1], sys.argv[2]
print(json.dumps(graphml(path) if kind == "graphml" else csv_zip(path), ensure_ascii=False))
