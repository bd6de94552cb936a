#!/usr/bin/env bash
# Cross-compiles congbo for Windows (x86_64-pc-windows-gnu, the MinGW ABI) on Debian 12,
# as root, and prints the path of the .exe:
#   target/x86_64-pc-windows-gnu/release/congbo.exe  (debug/ with CONGBO_WINDOWS_PROFILE=dev)
#
# It installs what it needs itself. Two routes, the first that can work is taken:
#  1. The machine's own rustc has the Windows standard library (`rustup target add
#     x86_64-pc-windows-gnu` once worked): only Debian's MinGW gcc is added, as the linker
#     and the C compiler of mimalloc and libwebp.
#  2. Otherwise (rustup's server is out of reach here, and Debian ships no recent prebuilt
#     Windows std), a Debian sid root made by debootstrap under $CONGBO_WINDOWS_ROOT, with
#     Debian's rustc, cargo, rust-src and MinGW gcc: the std is compiled from rust-src with
#     cargo's -Zbuild-std (RUSTC_BOOTSTRAP=1 lets the stable compiler take it), its
#     dependencies coming from crates.io. sid's packages never touch the host: they live in
#     that root only. The root is kept and reused; so is its target folder (under target/).
#
# Environment: CONGBO_WINDOWS_ROUTE=host|chroot forces a route; CONGBO_WINDOWS_ROOT (default
# /var/cache/congbo-windows/sid) is where route 2 keeps its root; CONGBO_WINDOWS_PROFILE
# (default release) is the cargo profile; CARGO_PROFILE_RELEASE_LTO=false shortens a
# release build while iterating.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=x86_64-pc-windows-gnu
PROFILE=${CONGBO_WINDOWS_PROFILE:-release}
ROOT=${CONGBO_WINDOWS_ROOT:-/var/cache/congbo-windows/sid}
# cargo names the dev profile's folder "debug".
DIR=$PROFILE
[ "$PROFILE" = dev ] && DIR=debug
OUT="target/$TARGET/$DIR/congbo.exe"
MINGW=gcc-mingw-w64-x86-64

# The C parts (mimalloc, libwebp) and the final link go through MinGW's gcc.
export CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc
export AR_x86_64_pc_windows_gnu=x86_64-w64-mingw32-ar
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

host_has_std() {
  local dir
  dir=$(rustc --print target-libdir --target "$TARGET" 2>/dev/null) || return 1
  compgen -G "$dir/libstd-*.rlib" >/dev/null
}

route=${CONGBO_WINDOWS_ROUTE:-}
if [ -z "$route" ]; then
  if host_has_std; then route=host; else route=chroot; fi
fi

profile_flag=(--profile "$PROFILE")

if [ "$route" = host ]; then
  echo "== Windows build with the machine's rustc and its Windows std ($(rustc --version))"
  apt_install "$MINGW"
  cargo build --locked "${profile_flag[@]}" --target "$TARGET"
else
  echo "== Windows build in a Debian sid root at $ROOT (std built from rust-src)"
  if [ ! -x "$ROOT/usr/bin/cargo" ] || [ ! -d "$ROOT/usr/lib/rustlib/src/rust/library" ] \
    || [ ! -x "$ROOT/usr/bin/x86_64-w64-mingw32-gcc" ]; then
    apt_install debootstrap
    if [ ! -x "$ROOT/usr/bin/apt-get" ]; then
      echo "== debootstrap sid into $ROOT (a few minutes, once)"
      rm -rf "$ROOT"
      mkdir -p "$(dirname "$ROOT")"
      debootstrap --variant=minbase sid "$ROOT" http://deb.debian.org/debian >"$ROOT.log" 2>&1 \
        || { tail -n 30 "$ROOT.log"; exit 1; }
    fi
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
    # The mirror reached here may serve sid's index past its Valid-Until date; its
    # signature is still checked.
    echo 'Acquire::Check-Valid-Until "false";' >"$ROOT/etc/apt/apt.conf.d/99congbo-windows"
    echo "== apt-get install rustc cargo rust-src $MINGW in the sid root"
    chroot "$ROOT" /usr/bin/env DEBIAN_FRONTEND=noninteractive sh -c \
      "apt-get update -qq && apt-get install -y -qq --no-install-recommends \
         rustc cargo rust-src $MINGW binutils-mingw-w64-x86-64 ca-certificates >/dev/null \
       && apt-get clean"
  fi
  cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
  # cargo in the root trusts the host's certificates (a host behind a TLS-inspecting proxy
  # has its authority there only).
  cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/congbo-host-ca.crt"
  # The work tree is bound into the root in a private mount namespace: the mounts vanish
  # with the build, whatever happens to it. Its own target folder keeps sid's compiler's
  # artefacts apart from the host's.
  mkdir -p target/windows-sid "$(dirname "$OUT")"
  unshare --mount --propagation private bash -euo pipefail -c '
    ROOT=$1; shift
    mkdir -p "$ROOT/src" "$ROOT/proc" "$ROOT/dev"
    mount --bind "$PWD" "$ROOT/src"
    mount -t proc proc "$ROOT/proc"
    mount --rbind /dev "$ROOT/dev"
    exec chroot "$ROOT" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root \
      CC_x86_64_pc_windows_gnu="$CC_x86_64_pc_windows_gnu" \
      AR_x86_64_pc_windows_gnu="$AR_x86_64_pc_windows_gnu" \
      CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER="$CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER" \
      CARGO_PROFILE_RELEASE_LTO="${CARGO_PROFILE_RELEASE_LTO:-fat}" \
      CARGO_HTTP_CAINFO=/etc/congbo-host-ca.crt \
      CARGO_TARGET_DIR=/src/target/windows-sid RUSTC_BOOTSTRAP=1 \
      sh -c "cd /src && cargo --version && cargo build --locked -Zbuild-std=std,panic_abort $*"
  ' _ "$ROOT" "${profile_flag[@]}" --target "$TARGET"
  cp "target/windows-sid/$TARGET/$DIR/congbo.exe" "$OUT"
fi

test -s "$OUT"
echo "built $OUT ($(du -h "$OUT" | cut -f1))"
