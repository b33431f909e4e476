# TRX (VSTest XML) summary without python/xmllint. Source it; don't run it.
#   trx_summarize DIR  -> sets TRX_FILES TRX_TOTAL TRX_PASSED TRX_FAILED TRX_SKIPPED,
#                         fills TRX_FAILED_NAMES and TRX_STORAGES (test assembly paths seen);
#                         TRX_EMPTY counts reports naming no assembly (a module that ran 0 tests)
# xunit.v3 writes each TRX as one long line, so everything here is grep -o based.
# shellcheck shell=bash

trx_unescape() {
    sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&#x[Aa];/ /g' -e 's/&amp;/\&/g'
}

# trx_attr NAME: reads one tag on stdin, prints the value of attribute NAME (0 if absent)
trx_attr() {
    local v
    v=$(sed -n "s/.*[[:space:]]$1=\"\\([^\"]*\\)\".*/\\1/p")
    printf '%s' "${v:-0}"
}

trx_summarize() {
    local dir=$1 f counters n
    TRX_FILES=0 TRX_EMPTY=0 TRX_TOTAL=0 TRX_PASSED=0 TRX_FAILED=0 TRX_SKIPPED=0
    TRX_FAILED_NAMES=()
    TRX_STORAGES=()
    shopt -s nullglob
    local files=("$dir"/*.trx)
    shopt -u nullglob
    for f in "${files[@]}"; do
        TRX_FILES=$((TRX_FILES + 1))
        counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1) || true
        if [[ -z $counters ]]; then
            TRX_FAILED_NAMES+=("(no <Counters> in $(basename "$f"): unreadable or truncated TRX)")
            TRX_FAILED=$((TRX_FAILED + 1))
            continue
        fi
        TRX_TOTAL=$((TRX_TOTAL + $(trx_attr total <<<"$counters")))
        TRX_PASSED=$((TRX_PASSED + $(trx_attr passed <<<"$counters")))
        n=$(( $(trx_attr failed <<<"$counters") + $(trx_attr error <<<"$counters") \
            + $(trx_attr timeout <<<"$counters") + $(trx_attr aborted <<<"$counters") ))
        TRX_FAILED=$((TRX_FAILED + n))
        TRX_SKIPPED=$((TRX_SKIPPED + $(trx_attr notExecuted <<<"$counters")))
        local name
        while IFS= read -r name; do
            [[ -n $name ]] && TRX_FAILED_NAMES+=("$name")
        done < <(grep -o '<UnitTestResult [^>]*>' "$f" \
                   | grep -E ' outcome="(Failed|Error|Timeout|Aborted)"' \
                   | sed -n 's/.* testName="\([^"]*\)".*/\1/p' | trx_unescape)
        local named=0
        while IFS= read -r name; do
            [[ -n $name ]] && { TRX_STORAGES+=("$name"); named=1; }
        done < <(grep -o ' storage="[^"]*"' "$f" | sed 's/ storage="\(.*\)"/\1/' | trx_unescape | sort -u)
        ((named)) || TRX_EMPTY=$((TRX_EMPTY + 1))
    done
}
