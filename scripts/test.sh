#!/usr/bin/env bash
# The project's one test command (CI runs it through .ci/run).
#
#   scripts/test.sh                       everything: tools, restore, build, format, migrations, tests
#   scripts/test.sh --filter EXPR         pass a VSTest-syntax filter to the tests
#                                         (e.g. 'FullyQualifiedName~Coverage')
#   scripts/test.sh -- ARGS...            pass any other args to `dotnet test`, e.g. xunit.v3's
#                                         -- --filter-class '*CoverageTests'
#                                         -- --filter-query '/*/*/CoverageTests/*'
#
# Environment:
#   BAOPHU_SKIP_FORMAT=1       skip the dotnet format check (quick local loops)
#   BAOPHU_CONFIGURATION=Debug build configuration (default Debug)
#   BAOPHU_TEST_TIMEOUT=70m    MTP global timeout for each test module (the command line's holds
#                              the cross-check evaluated at 200,000 workers, four times)
#
# Exports to the tests:
#   BAOPHU_TEST_POSTGRES  Npgsql connection string to a throwaway server (tests create/drop their own DBs)
#   BAOPHU_CHROMIUM       path of Debian's chromium for Playwright's ExecutablePath
#
# Last line of output is always "N passed, N failed"; exit status is non-zero if any step failed,
# any test failed, or no test ran.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/trx.sh
source scripts/lib/trx.sh

SOLUTION=BaoPhu.slnx
CONFIG=${BAOPHU_CONFIGURATION:-Debug}
RESULTS_DIR=$ROOT/artifacts/test-results
TEST_TIMEOUT=${BAOPHU_TEST_TIMEOUT:-70m}
CHROMIUM=/usr/bin/chromium

TEST_ARGS=()
while (($#)); do
    case $1 in
        --filter) [[ $# -ge 2 ]] || die "--filter needs an expression"; TEST_ARGS+=(--filter "$2"); shift 2 ;;
        --filter=*) TEST_ARGS+=(--filter "${1#--filter=}"); shift ;;
        --) shift; TEST_ARGS+=("$@"); break ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (see scripts/test.sh --help)" ;;
    esac
done

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_GENERATE_ASPNET_CERTIFICATE=false NUGET_XMLDOC_MODE=skip
if [[ -n ${CI:-} ]]; then
    # Build nodes left alive would outlive the script and may hold CI's output pipe open.
    export MSBUILDDISABLENODEREUSE=1
fi

FAILED_STEPS=()
PASSED=0 FAILED=0 SKIPPED=0

# shellcheck disable=SC2317  # invoked by trap
finish() {
    local rc=$?
    set +e
    pg_stop_throwaway
    if [[ -n ${CI:-} ]]; then dotnet build-server shutdown >/dev/null 2>&1; fi
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Prints the summary and exits. The last line is "N passed, N failed".
summary_and_exit() {
    header "Summary"
    if ((${#FAILED_STEPS[@]})); then
        printf 'Failed steps: %s\n' "${FAILED_STEPS[*]}"
    fi
    ((SKIPPED == 0)) || printf '%d skipped\n' "$SKIPPED"
    printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
    if ((${#FAILED_STEPS[@]} || FAILED > 0 || PASSED == 0)); then exit 1; fi
    exit 0
}

# ---------------------------------------------------------------------------------------------
header "Ensure tools"
need_pkg '/usr/lib/postgresql/*/bin/initdb' postgresql "PostgreSQL server for integration tests"
need_pkg "$CHROMIUM" chromium "headless browser for Playwright tests"
need_pkg /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf fonts-dejavu-core "fonts with Vietnamese glyphs"
need_pkg /usr/bin/soffice "libreoffice-calc-nogui" "opens exported Excel files in tests"
install_needed_pkgs
command -v dotnet >/dev/null || die "dotnet (the .NET 10 SDK) is not on PATH"
note "dotnet $(dotnet --version), $(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1 | cut -d/ -f5 | sed 's/^/PostgreSQL /'), $("$CHROMIUM" --version 2>/dev/null | head -n 1)"

# ---------------------------------------------------------------------------------------------
header "Restore (tools + packages, locked mode)"
if ! dotnet tool restore >/dev/null; then
    FAILED_STEPS+=(tool-restore)
fi
if ! dotnet restore "$SOLUTION" --locked-mode -v q -nologo; then
    FAILED_STEPS+=(restore)
    summary_and_exit
fi

# ---------------------------------------------------------------------------------------------
header "Build ($CONFIG)"
if ! dotnet build "$SOLUTION" --no-restore -c "$CONFIG" -v q -nologo; then
    FAILED_STEPS+=(build)
    summary_and_exit
fi

# ---------------------------------------------------------------------------------------------
if [[ ${BAOPHU_SKIP_FORMAT:-0} == 1 ]]; then
    header "Format check: skipped (BAOPHU_SKIP_FORMAT=1)"
else
    header "Format check (dotnet format --verify-no-changes)"
    fmt_log=$(mktemp "${TMPDIR:-/tmp}/baophu-format.XXXXXX")
    if ! dotnet format "$SOLUTION" --verify-no-changes --no-restore -v q >"$fmt_log" 2>&1; then
        FAILED_STEPS+=(format)
        echo "Files needing 'dotnet format $SOLUTION':"
        grep -oE '^[^ ].*\.(cs|csproj|props|targets|json|editorconfig)\([0-9]+,[0-9]+\)' "$fmt_log" \
            | sed -E 's/\([0-9]+,[0-9]+\)$//; s#^'"$ROOT"'/##' | sort | uniq -c | sed 's/^/    /' || true
        echo "First messages:"
        head -n 20 "$fmt_log" | sed "s#$ROOT/##g; s/^/    /"
    fi
    rm -f "$fmt_log"
fi

# ---------------------------------------------------------------------------------------------
header "Migrations in sync with the model (Sqlite, Postgres)"
ef_common=(--startup-project src/Database/BaoPhu.Database --no-build --configuration "$CONFIG" --no-color)
for provider in Sqlite Postgres; do
    ef_log=$(mktemp "${TMPDIR:-/tmp}/baophu-ef.XXXXXX")
    if dotnet ef migrations has-pending-model-changes --project "src/Database/BaoPhu.Migrations.$provider" \
            "${ef_common[@]}" -- --provider "$provider" >"$ef_log" 2>&1; then
        note "$provider: $(tail -n 1 "$ef_log")"
    else
        FAILED_STEPS+=("migrations-$provider")
        echo "$provider: model has changes not in a migration, or the check could not run:"
        tail -n 15 "$ef_log" | sed 's/^/    /'
        echo "    fix: dotnet ef migrations add NAME --project src/Database/BaoPhu.Migrations.$provider --startup-project src/Database/BaoPhu.Database -- --provider $provider"
    fi
    rm -f "$ef_log"
done

# ---------------------------------------------------------------------------------------------
header "Start throwaway PostgreSQL"
if pg_start_throwaway; then
    export BAOPHU_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=unused;Include Error Detail=true"
    note "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (data in $PG_TMP)"
else
    FAILED_STEPS+=(postgres)
    warn "PostgreSQL did not start; tests that need BAOPHU_TEST_POSTGRES will fail"
fi
export BAOPHU_CHROMIUM=$CHROMIUM

# ---------------------------------------------------------------------------------------------
header "Tests"
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
# Each module writes its TRX report under its own name (tests/Directory.Build.props).
export BAOPHU_TEST_REPORTS=true
test_cmd=(dotnet test --solution "$SOLUTION" --no-build -c "$CONFIG" --no-progress --no-ansi
          --results-directory "$RESULTS_DIR" --timeout "$TEST_TIMEOUT")
if ((${#TEST_ARGS[@]})); then
    # A filter may leave some test modules with nothing to run (MTP exit code 8): not an error here;
    # the "no test ran" check below still applies to the whole run.
    test_cmd+=(--ignore-exit-code 8 "${TEST_ARGS[@]}")
fi
test_rc=0
"${test_cmd[@]}" || test_rc=$?
if ((test_rc != 0)); then FAILED_STEPS+=("tests(exit $test_rc)"); fi

# ---------------------------------------------------------------------------------------------
header "Results (TRX in ${RESULTS_DIR#"$ROOT"/})"
trx_summarize "$RESULTS_DIR"
PASSED=$TRX_PASSED FAILED=$TRX_FAILED SKIPPED=$TRX_SKIPPED
note "$TRX_FILES report(s), $TRX_TOTAL test(s)"

# Every test module must have left a report; one that crashed or was killed leaves none. Reports of
# modules that ran no test (e.g. nothing matched a filter) name no assembly, so reconcile by count.
silent=()
shopt -s nullglob
for proj in tests/*/*.Tests.csproj; do
    name=$(basename "$proj" .csproj)
    found=0
    for s in "${TRX_STORAGES[@]}"; do
        [[ $(basename "$s") == "$name.dll" ]] && { found=1; break; }
    done
    ((found)) || silent+=("$name")
done
shopt -u nullglob
if ((${#silent[@]} > TRX_EMPTY)); then
    lost=$((${#silent[@]} - TRX_EMPTY))
    FAILED_STEPS+=("no-report")
    TRX_FAILED_NAMES+=("$lost test module(s) left no report (crashed or killed); among: ${silent[*]}")
    FAILED=$((FAILED + lost))
elif ((${#silent[@]})); then
    note "ran no test: ${silent[*]}"
fi

if ((${#TRX_FAILED_NAMES[@]})); then
    echo "Failing tests:"
    printf '    %s\n' "${TRX_FAILED_NAMES[@]}"
fi
if ((PASSED == 0)); then echo "No test passed: treating the run as failed."; fi

summary_and_exit
