# Shared by the demo and the test scripts (sourced, not run): install what is missing on Debian or
# Ubuntu, asking apt only once and only when something is missing.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# install_missing command:package …  — installs each package whose command is not on PATH
# (a /path instead of a command: whose file does not exist).
install_missing() {
  local need=() pair what
  for pair in "$@"; do
    what=${pair%%:*}
    if [ "${what#/}" != "$what" ]; then
      [ -e "$what" ] || need+=("${pair#*:}")
    else
      command -v "$what" >/dev/null || need+=("${pair#*:}")
    fi
  done
  if [ ${#need[@]} -gt 0 ]; then
    echo "Installing: ${need[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
  fi
}
