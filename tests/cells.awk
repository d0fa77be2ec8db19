# cells.awk - one line per non-empty amount of a pretty-printed
# yusuan/disclosure@1 JSON: table id, row (item key, else code, else
# name, else -), column key and amount, tab-separated.
/^      "id": "/ { id = $0; sub(/.*"id": "/, "", id); sub(/".*/, "", id) }
/^        \{$/ { item = ""; code = ""; name = ""; invals = 0 }
/^          "item": "/ { item = $0; sub(/.*"item": "/, "", item); sub(/".*/, "", item) }
/^          "code": "/ { code = $0; sub(/.*"code": "/, "", code); sub(/".*/, "", code) }
/^          "name": "/ { name = $0; sub(/.*"name": "/, "", name); sub(/".*/, "", name) }
/^          "values": \{/ { invals = 1; next }
invals && /^          \}/ { invals = 0 }
invals && /": "/ {
	k = $0; sub(/^ *"/, "", k); sub(/".*/, "", k)
	v = $0; sub(/.*": "/, "", v); sub(/".*/, "", v)
	row = item != "" ? item : code != "" ? code : name != "" ? name : "-"
	print id "\t" row "\t" k "\t" v
}
