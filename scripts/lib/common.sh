# Shared helpers for scripts/*.sh. Source it; don't run it.
# shellcheck shell=bash

BAOPHU_T0=${BAOPHU_T0:-$SECONDS}

# header TEXT: announce a step, with seconds elapsed since the script started.
header() {
    printf '\n==> %s  (+%ds)\n' "$*" $((SECONDS - BAOPHU_T0))
}

note() { printf '    %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# --- Debian packages ---------------------------------------------------------
# need_pkg PATH_OR_GLOB PACKAGE [WHY]
#   Records PACKAGE as missing unless PATH_OR_GLOB names an existing file.
#   Call install_needed_pkgs once afterwards. Adding a tool is one line.
BAOPHU_MISSING_PKGS=()
BAOPHU_MISSING_WHY=()
need_pkg() {
    local path=$1 pkg=$2 why=${3:-$1}
    if ! compgen -G "$path" >/dev/null; then
        BAOPHU_MISSING_PKGS+=("$pkg")
        BAOPHU_MISSING_WHY+=("$pkg ($why)")
    fi
}

# install_needed_pkgs: apt-get installs everything need_pkg found missing.
# As non-root it prints what is missing and exits 1.
install_needed_pkgs() {
    ((${#BAOPHU_MISSING_PKGS[@]})) || { note "all tools present"; return 0; }
    if [[ $EUID -ne 0 ]]; then
        local w
        for w in "${BAOPHU_MISSING_WHY[@]}"; do
            case $w in
                postgresql\ *) printf '%s\n' "PostgreSQL server binaries not found; install Debian package postgresql (run as root to let this script do it)" >&2 ;;
                *) printf 'Missing: Debian package %s; install it (run as root to let this script do it)\n' "$w" >&2 ;;
            esac
        done
        exit 1
    fi
    note "installing: ${BAOPHU_MISSING_PKGS[*]}"
    local log
    log=$(mktemp "${TMPDIR:-/tmp}/baophu-apt.XXXXXX")
    if ! { DEBIAN_FRONTEND=noninteractive apt-get -qq update &&
           DEBIAN_FRONTEND=noninteractive apt-get -qq install -y "${BAOPHU_MISSING_PKGS[@]}"; } >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        rm -f "$log"
        die "apt-get install ${BAOPHU_MISSING_PKGS[*]} failed"
    fi
    rm -f "$log"
    BAOPHU_MISSING_PKGS=()
    BAOPHU_MISSING_WHY=()
}
