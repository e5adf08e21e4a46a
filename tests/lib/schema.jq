# schema.jq - checks a document against the subset of JSON Schema that
# man/netmimic-json.schema.json uses (type, const, enum, minimum, maximum,
# required, properties, items, $ref to #/$defs/...), so the tests need no
# validator beyond jq.  Stricter than JSON Schema on purpose: a member the
# schema does not list is an error, so the schema documents every field.
# A module, so that one jq checks a record and asks it what a test wants:
#   jq -r -L tests/lib --slurpfile schema FILE 'include "schema";
#       schema_errors($schema[0]), ...' DOC
# schema_errors gives one line per error, nothing when the document is valid.

def type_ok($t):
  if $t == "integer" then type == "number" and . == floor
  elif $t == "null" then . == null
  else type == $t end;

def check($s; $root; $path):
  if $s["$ref"] then
    check($root["$defs"][$s["$ref"] | ltrimstr("#/$defs/")]; $root; $path)
  else
    . as $v
    | (if $s.type then
         ([$s.type] | flatten) as $ts
         | if any($ts[]; . as $t | $v | type_ok($t)) then empty
           else "\($path): \($v | tojson | .[0:40]) is not \($ts | join("|"))" end
       else empty end),
      (if $s | has("const") then
         if $v == $s.const then empty else "\($path): is not \($s.const | tojson)" end
       else empty end),
      (if $s.enum then
         if any($s.enum[]; . == $v) then empty else "\($path): \($v | tojson) is not allowed" end
       else empty end),
      (if $s.minimum != null and ($v | type) == "number" and $v < $s.minimum then
         "\($path): below \($s.minimum)" else empty end),
      (if $s.maximum != null and ($v | type) == "number" and $v > $s.maximum then
         "\($path): above \($s.maximum)" else empty end),
      (if ($v | type) == "object" then
         (($s.required // [])[] | select(. as $k | $v | has($k) | not)
          | "\($path): \(.) is missing"),
         ($v | keys[] | select(. as $k | ($s.properties // {}) | has($k) | not)
          | "\($path): \(.) is not in the schema"),
         (($s.properties // {}) | to_entries[] | select(.key as $k | $v | has($k))
          | . as $e | $v[$e.key] | check($e.value; $root; "\($path).\($e.key)"))
       else empty end),
      (if ($v | type) == "array" and $s.items then
         $v | to_entries[] | .key as $i | .value | check($s.items; $root; "\($path)[\($i)]")
       else empty end)
  end;

def schema_errors($s): check($s; $s; "$");
