# Throwaway PostgreSQL cluster on 127.0.0.1 for tests. Source it; don't run it.
#   pg_start_throwaway   -> sets PG_PORT, PG_TMP; server runs until pg_stop_throwaway
#   pg_stop_throwaway    -> stops it (immediate) and deletes its directory; safe to call twice
# shellcheck shell=bash

PG_TMP=
PG_PORT=
PG_BIN=
PG_AS=()

pg_find_bin() {
    local d
    d=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1) || true
    [[ -n $d ]] || { echo "PostgreSQL server binaries not found; install Debian package postgresql (run as root to let this script do it)" >&2; return 1; }
    PG_BIN=${d%/initdb}
}

# pg_free_port: prints a loopback TCP port nobody answers on.
pg_free_port() {
    local p
    for _ in $(seq 1 100); do
        p=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return 0
        fi
    done
    return 1
}

# Run a PostgreSQL binary as user postgres when we are root (initdb refuses root).
pg_run() { (cd "$PG_TMP" && "${PG_AS[@]}" "$@"); }

pg_start_throwaway() {
    pg_find_bin || return 1
    PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/baophu-pg.XXXXXX")
    PG_AS=()
    if [[ $EUID -eq 0 ]]; then
        id -u postgres >/dev/null 2>&1 || { echo "user postgres missing (Debian package postgresql creates it)" >&2; return 1; }
        chown postgres: "$PG_TMP"
        PG_AS=(runuser -u postgres --)
    fi
    mkdir "$PG_TMP/sock"
    if [[ $EUID -eq 0 ]]; then chown postgres: "$PG_TMP/sock"; fi

    local locale_args=(--no-locale)
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale_args=(--locale=C.UTF-8); fi

    if ! pg_run "$PG_BIN/initdb" -D "$PG_TMP/data" --auth=trust -U postgres --encoding=UTF8 \
            "${locale_args[@]}" >"$PG_TMP/initdb.log" 2>&1; then
        cat "$PG_TMP/initdb.log" >&2
        return 1
    fi

    local attempt port
    for attempt in 1 2 3 4 5; do
        port=$(pg_free_port) || { echo "no free port found" >&2; return 1; }
        if pg_run "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 -s \
                -o "-p $port -k $PG_TMP/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
                start; then
            PG_PORT=$port
            break
        fi
        echo "PostgreSQL did not start on port $port (attempt $attempt):" >&2
        tail -n 5 "$PG_TMP/server.log" >&2 || true
    done
    [[ -n $PG_PORT ]] || return 1

    local _
    for _ in $(seq 1 60); do
        "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres && return 0
        sleep 0.5
    done
    echo "PostgreSQL on port $PG_PORT never became ready:" >&2
    tail -n 20 "$PG_TMP/server.log" >&2 || true
    return 1
}

pg_stop_throwaway() {
    [[ -n ${PG_TMP:-} && -d $PG_TMP ]] || return 0
    if [[ -f $PG_TMP/data/postmaster.pid ]]; then
        pg_run "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -s -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_TMP"
    PG_TMP=
}
