# shellcheck shell=bash
# Installs what the widget needs, only where it is missing. Sourced by
# scripts/serve, scripts/test and scripts/bench; safe to run again and again.
#
# Needs: rustup's cargo, and root (or sudo) for Debian packages on a machine
# that lacks them. Reaches only the package registries (crates.io, npm, Debian).

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION='^0.21'

# Each step says how long the run has taken so far (bash's SECONDS), so a
# slow CI run shows where its time went.
say() { printf '\033[1m==> [%dm%02ds] %s\033[0m\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  say "Installing Debian packages: $*"
  if [ -z "${PW_APT_UPDATED:-}" ]; then
    as_root apt-get update -qq
    PW_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

ensure_rust() {
  command -v cargo >/dev/null || {
    echo "cargo not found: install Rust with rustup first (https://rustup.rs)." >&2
    exit 1
  }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
    say "Installing Trunk $TRUNK_VERSION (a few minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly, or
# Trunk tries to download its own (which cannot work offline).
ensure_wasm_bindgen() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "Installing wasm-bindgen-cli $want (a few minutes, once)"
    # Not --locked: one of its locked dependencies is gone from the registry.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_node() {
  if ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
}

# npm packages from package-lock.json: wasm-opt (binaryen) and the test tools.
ensure_npm_packages() {
  ensure_node
  local stamp="$ROOT/node_modules/.pw-lock-hash" want
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "Installing npm packages from package-lock.json"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
  export CHROMEDRIVER=/usr/bin/chromedriver
}

# Firefox ESR (Debian) and geckodriver (crates.io: Debian has no package),
# for the component tests and the cross-engine suite. GECKODRIVER is not
# exported: wasm-bindgen-test-runner would prefer it to CHROMEDRIVER for
# every run; scripts/test sets it for the Firefox run only.
ensure_firefox() {
  if [ ! -x /usr/bin/firefox-esr ]; then
    apt_install firefox-esr
  fi
  if ! command -v geckodriver >/dev/null; then
    say "Installing geckodriver (about 4 minutes on two cores, once)"
    cargo install geckodriver --locked || cargo install geckodriver
  fi
  export PW_FIREFOX=/usr/bin/firefox-esr
  PW_GECKODRIVER="$(command -v geckodriver)"
  export PW_GECKODRIVER
}

# WebKitGTK's WebDriver and its MiniBrowser (Debian), under Xvfb: it has no
# headless mode. MiniBrowser lives in libwebkit2gtk's private folder.
ensure_webkit() {
  if ! command -v WebKitWebDriver >/dev/null; then
    apt_install webkit2gtk-driver
  fi
  if ! command -v Xvfb >/dev/null || ! command -v xvfb-run >/dev/null; then
    apt_install xvfb
  fi
  local browser
  browser=$(ls /usr/lib/*/webkit2gtk-4.*/MiniBrowser 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$browser" ]; then
    echo "MiniBrowser not found (expected in /usr/lib/*/webkit2gtk-4.*/, from libwebkit2gtk)." >&2
    exit 1
  fi
  export PW_MINIBROWSER="$browser"
  PW_WEBKITDRIVER="$(command -v WebKitWebDriver)"
  export PW_WEBKITDRIVER
}

# Everything needed to build the widget.
# (Chromium too: a release build renders the welcome screen into
# index.html with it, scripts/prerender.mjs.)
ensure_build_tools() {
  ensure_rust
  ensure_npm_packages
  ensure_trunk
  ensure_wasm_bindgen
  ensure_chromium
}

# Everything needed to build and test it.
# (The WebDriver client, selenium-webdriver, comes from package-lock.json.)
ensure_test_tools() {
  ensure_build_tools
  ensure_firefox
  ensure_webkit
}
