#!/usr/bin/env python3
# gen_html.py - writes the nine reference tables as an HTML page the way
# government sites publish them (title, unit line, merged multi-row header,
# 栏次 row), from a disclosure JSON and the template. Used once to make the
# fixtures in tests/parse/; `make test` converts them to DOCX and XLSX with
# LibreOffice. --mixed prints T3 in 元 with thousands separators and T5 with
# full-width digits, which the parser must normalise back.
#   python3 gen_html.py golden.json hebei-2023.yaml [--mixed] > out.html
import html, json, sys, yaml

FW = str.maketrans("0123456789.-", "０１２３４５６７８９．－")

def money(v, tid, mixed):
    if v is None:
        return ""
    if mixed and tid == "T3":
        whole, frac = v.split(".")
        yuan = int(whole) * 10000 + int(frac) * 100
        return "{:,}.00".format(yuan)
    if mixed and tid == "T5":
        return v.translate(FW)
    return v

def main():
    ds = json.load(open(sys.argv[1]))
    tpl = yaml.safe_load(open(sys.argv[2]))
    mixed = "--mixed" in sys.argv
    out = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\"><title>部门预算</title></head><body>"]
    tts = {t["id"]: t for t in tpl["tables"]}
    for t in ds["tables"]:
        tt = tts[t["id"]]
        unit = "元" if mixed and t["id"] == "T3" else ds["money_unit"]
        out.append("<h2>%s</h2>" % html.escape(t["title"]))
        out.append("<p>%s%s</p><p>预算年度：%d</p><p>单位：%s</p>" % (ds["unit"]["code"], html.escape(ds["unit"]["name"]), ds["year"], unit))
        out.append("<table border=\"1\">")
        width = 0
        for hr in tt["header"]:
            out.append("<tr>" + "".join(
                "<td%s%s>%s</td>" % (' colspan="%d"' % c["colspan"] if c.get("colspan", 1) > 1 else "",
                                     ' rowspan="%d"' % c["rowspan"] if c.get("rowspan", 1) > 1 else "",
                                     html.escape(c["text"])) for c in hr) + "</tr>")
        width = sum(c.get("colspan", 1) for c in tt["header"][0])
        out.append("<tr><td>栏次</td>" + "".join("<td>%d</td>" % i for i in range(1, width)) + "</tr>")
        cols = t["columns"]
        def vals(r, side=None):
            return ["<td>%s</td>" % money(r["values"].get(c["key"]), t["id"], mixed)
                    for c in cols if side is None or c.get("side") == side]
        if t.get("rows") and t["rows"][0].get("side"):
            lines = {}
            for r in t["rows"]:
                lines.setdefault(r["line"], {})[r["side"]] = r
            labels = {(i.get("side"), i["item"]): i.get("label", i["name"]) for i in tt["items"]}
            for ln in sorted(lines):
                cells = ["<td>%d</td>" % ln]
                for side in ("income", "expense"):
                    r = lines[ln].get(side)
                    n = sum(1 for c in cols if c.get("side") == side)
                    if r:
                        cells.append("<td>%s</td>" % html.escape(labels[(side, r["item"])]))
                        cells += vals(r, side)
                    else:
                        cells += ["<td></td>"] * (n + 1)
                out.append("<tr>" + "".join(cells) + "</tr>")
        elif tt["rows"] == "items":
            labels = {i["item"]: i.get("label", i["name"]) for i in tt["items"]}
            for k, r in enumerate(t["rows"], 1):
                out.append("<tr><td>%d</td><td>%s</td>%s</tr>" % (k, html.escape(labels[r["item"]]), "".join(vals(r))))
        else:
            for k, r in enumerate(t["rows"], 1):
                out.append("<tr><td>%d</td><td>%s</td><td>%s</td>%s</tr>" % (k, r["code"] or "", html.escape(r["name"]), "".join(vals(r))))
            if not t["rows"]:
                out.append("<tr>" + "<td></td>" * width + "</tr>")
        out.append("</table>")
        if t.get("note"):
            out.append("<p>注：%s</p>" % html.escape(t["note"]))
    out.append("</body></html>")
    print("\n".join(out))

main()
