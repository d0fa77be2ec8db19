# Writes an XLSX whose one shared string (1 MiB) is referenced by every one
# of 200k cells: a few hundred KB on disk, 200 GB if each cell copied it.
import sys, zipfile

out = sys.argv[1]
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
        '</Relationships>')
rows = []
for r in range(1, 20001):
    cells = ''.join('<c r="%s%d" t="s"><v>0</v></c>' % (chr(65 + c), r) for c in range(10))
    rows.append('<row r="%d">%s</row>' % (r, cells))
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('xl/workbook.xml', '<workbook %s xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
               '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' % ns)
    z.writestr('xl/_rels/workbook.xml.rels', rels)
    z.writestr('xl/sharedStrings.xml', '<sst %s count="1" uniqueCount="1"><si><t>%s</t></si></sst>' % (ns, 'x' * (1 << 20)))
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (ns, ''.join(rows)))
