# Shared by the demo and the test scripts (sourced, not run): install what is missing on Debian or
# Ubuntu, asking apt only once and only when something is missing.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# install_missing command:package …  — installs each package whose command is not on PATH.
install_missing() {
  local need=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null || need+=("${pair#*:}")
  done
  if [ ${#need[@]} -gt 0 ]; then
    echo "Installing: ${need[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
  fi
}
