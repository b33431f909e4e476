#!/usr/bin/env bash
# Benchmarks against their baselines (bench/BaoPhu.Bench); results are recorded in docs/benchmarks.md.
#
#   scripts/bench.sh                          every benchmark on SQLite and PostgreSQL, 5 runs after 1 warm-up
#   scripts/bench.sh --provider Sqlite        one provider only (Sqlite or Postgres)
#   scripts/bench.sh --benchmark dashboard    one benchmark only (units-import, dashboard, feeds-import or cross-check)
#   scripts/bench.sh --runs N --warmup N      more or fewer runs (dashboard: reads per unit, default 20)
#   scripts/bench.sh --large-runs N           feeds-import: imports of the ten-times file for peak memory (default 1)
#   scripts/bench.sh --sizes 1M,10M           cross-check: sizes among 1M, 5M and 10M (default 1M,10M on SQLite, 1M,5M on PostgreSQL)
#
# Environment:
#   BAOPHU_SHARED   folder holding data/admin-units (default: ../shared beside the repository)
#
# feeds-import generates its tax-employees files once into artifacts/bench/feeds (about 1 GB) and
# needs psql (postgresql-client) for its PostgreSQL baseline. cross-check generates one month of the
# demo province per size once into artifacts/bench/cross-check (0.2 GB at 1M, 1 GB at 5M, 2 GB at
# 10M); loading a size takes minutes at 1M, about ten at 5M on PostgreSQL and most of an hour at 10M
# on SQLite (mostly the refresh of the registry's derived tables), the SQLite file of 10M about 10 GB
# in the temporary folder; a round at 10M (the run, every shape, the full run) takes ten to twenty
# minutes, so the default run takes hours.
#
# Prints the machine, then one markdown table per benchmark and provider on stdout (progress on
# stderr); the tables are also written to artifacts/bench/results.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh

PROJECT=bench/BaoPhu.Bench/BaoPhu.Bench.csproj
RESULTS=$ROOT/artifacts/bench/results.md
PROVIDERS=(Sqlite Postgres)
BENCHMARKS=(units-import dashboard feeds-import cross-check)
RUN_ARGS=()
SIZES=()
while (($#)); do
    case $1 in
        --provider) [[ $# -ge 2 ]] || die "--provider needs Sqlite or Postgres"; PROVIDERS=("$2"); shift 2 ;;
        --benchmark) [[ $# -ge 2 ]] || die "--benchmark needs units-import, dashboard, feeds-import or cross-check"; BENCHMARKS=("$2"); shift 2 ;;
        --runs|--warmup|--large-runs) [[ $# -ge 2 ]] || die "$1 needs a number"; RUN_ARGS+=("$1" "$2"); shift 2 ;;
        --sizes) [[ $# -ge 2 ]] || die "--sizes needs a list such as 1M,10M"; SIZES=("$1" "$2"); shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (see scripts/bench.sh --help)" ;;
    esac
done

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [[ -n ${CI:-} ]]; then
    # Build nodes left alive would outlive the script and may hold CI's output pipe open.
    export MSBUILDDISABLENODEREUSE=1
fi

# shellcheck disable=SC2317  # invoked by trap
finish() {
    local rc=$?
    set +e
    pg_stop_throwaway
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

header "Machine"
note "$(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) CPUs, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM"
note "$(sed -n 's/^PRETTY_NAME=//p' /etc/os-release | tr -d '"'), kernel $(uname -r), dotnet $(dotnet --version)"
note "temporary folder (SQLite files): $(df -T "${TMPDIR:-/tmp}" | awk 'NR == 2 {print $2 " on " $1}')"

header "Build (Release)"
dotnet restore "$PROJECT" --locked-mode -v q -nologo
dotnet build "$PROJECT" --no-restore -c Release -v q -nologo

if [[ " ${PROVIDERS[*]} " == *" Postgres "* ]]; then
    need_pkg '/usr/lib/postgresql/*/bin/initdb' postgresql "PostgreSQL server for the PostgreSQL runs"
    install_needed_pkgs
    header "Start throwaway PostgreSQL"
    pg_start_throwaway || die "PostgreSQL did not start"
    note "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (fsync off, as for the tests)"
fi

mkdir -p "$(dirname "$RESULTS")"
: >"$RESULTS"
for benchmark in "${BENCHMARKS[@]}"; do
    for provider in "${PROVIDERS[@]}"; do
        header "$benchmark: $provider"
        bench_args=("$benchmark" --provider "$provider" "${RUN_ARGS[@]}")
        if [[ $benchmark == cross-check ]]; then
            bench_args+=("${SIZES[@]}")
        fi
        if [[ $provider == Postgres ]]; then
            bench_args+=(--connection "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=unused;Include Error Detail=true")
        fi
        dotnet run --no-build -c Release --project "$PROJECT" -- "${bench_args[@]}" | tee -a "$RESULTS"
    done
done

header "Done: tables in ${RESULTS#"$ROOT"/}"
