# shellcheck shell=bash
# Source this file: installs the Debian packages a feature needs when they are
# missing and we may install them (root with apt-get). Elsewhere it says what
# to install and carries on.
#   paved_need_debian <command> <package>...

paved_apt_updated=""
paved_need_debian() {
  local cmd="$1"
  shift
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    if [ -z "$paved_apt_updated" ]; then
      echo "==> apt-get update" >&2
      apt-get update -qq >&2 && paved_apt_updated=1
    fi
    echo "==> Installing $* (for $cmd)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "warning: '$cmd' is missing; install: $*" >&2
    return 1
  fi
}
