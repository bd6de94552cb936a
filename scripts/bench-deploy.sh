#!/usr/bin/env bash
# Measures `congbo deploy` to an SFTP server: a generated site of 1,000 or 10,000 pages
# deployed the first time (every file sent), then again after one edited news page (that
# page and the lists that show it). The server is OpenSSH's, started here on a free
# loopback port with its own keys, writing into a temporary folder, as tests/deploy_sftp.rs
# does; so the figures are congbo's and the protocol's, not a network's.
#
#   scripts/bench-deploy.sh [PAGES...]        (default: 10000)
#
# For each size it prints the files and seconds of each deploy (the build before the
# second deploy is timed apart, so the deploy's figure is the transfer's alone). Needs
# /usr/sbin/sshd and ssh-keygen (apt-get install openssh-server). CONGBO_BIN names a
# congbo binary to use instead of building the release one; sites go to $BENCH_DIR
# (default: a temporary folder); JOBS=N deploys N files at a time (default: congbo's, 4).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
GEN="$ROOT/../shared/bench/gen_corpus.py"
[ -f "$GEN" ] || { echo "needs ../shared/bench/gen_corpus.py beside the project" >&2; exit 1; }
[ -x /usr/sbin/sshd ] || { echo "needs OpenSSH's server (apt-get install openssh-server)" >&2; exit 1; }
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000)
BENCH_DIR=${BENCH_DIR:-$(mktemp -d)}
JOBS_ARG=()
[ -z "${JOBS:-}" ] || JOBS_ARG=(--jobs "$JOBS")

if [ -n "${CONGBO_BIN:-}" ]; then
  BIN=$CONGBO_BIN
else
  cargo build --release --quiet
  BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/congbo"
fi

# The SFTP server: host key, a client key it trusts, a free port.
SSH="$BENCH_DIR/ssh"
mkdir -p "$SSH"
rm -f "$SSH"/host_key* "$SSH"/id_client*
ssh-keygen -q -t ed25519 -N "" -f "$SSH/host_key"
ssh-keygen -q -t ed25519 -N "" -f "$SSH/id_client"
cp "$SSH/id_client.pub" "$SSH/authorized_keys"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$SSH/sshd_config" <<CONF
Port $PORT
ListenAddress 127.0.0.1
HostKey $SSH/host_key
PidFile $SSH/sshd.pid
AuthorizedKeysFile $SSH/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
Subsystem sftp internal-sftp
LogLevel ERROR
CONF
mkdir -p /run/sshd 2>/dev/null || true
/usr/sbin/sshd -D -e -f "$SSH/sshd_config" 2>"$SSH/sshd.log" &
SSHD=$!
trap 'kill $SSHD 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 1)" 2>/dev/null && break
  sleep 0.1
done
echo "[127.0.0.1]:$PORT $(cat "$SSH/host_key.pub")" >"$SSH/known_hosts"
USER_NAME=$(id -un)

# Seconds of a command, and its last line (the deploy's "Deployed to … N files sent").
timed() {
  local start end
  start=$(date +%s.%N)
  "$@" >"$BENCH_DIR/last.log" 2>&1 || { cat "$BENCH_DIR/last.log" >&2; exit 1; }
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}

for N in "${SIZES[@]}"; do
  SITE="$BENCH_DIR/site-$N"
  WEB="$BENCH_DIR/www-$N"
  rm -rf "$SITE" "$WEB"
  python3 "$ROOT/scripts/gen-corpus.py" --pages "$N" --out "$SITE" --flavor congbo --theme-from "$ROOT" >/dev/null
  cat >>"$SITE/site.toml" <<TOML

[deploy.bench]
url = "sftp://$USER_NAME@127.0.0.1:$PORT$WEB"
identity = "$SSH/id_client"
known_hosts = "$SSH/known_hosts"
TOML
  export CONGBO_LANG=en
  t_build=$(timed "$BIN" build --root "$SITE")
  t_first=$(timed "$BIN" deploy --root "$SITE" --yes --no-build "${JOBS_ARG[@]}")
  first=$(tail -n 1 "$BENCH_DIR/last.log")
  files=$(find "$WEB" -type f ! -name .congbo-deploy.json | wc -l)
  # One edit: a line added to the body of one news page.
  PAGE=$(find "$SITE/content" -name '*.md' -path '*tin-tuc*' ! -name '_index.md' | sort | sed -n 1p)
  echo "Một dòng sửa cho phép đo." >>"$PAGE"
  t_rebuild=$(timed "$BIN" build --root "$SITE")
  t_second=$(timed "$BIN" deploy --root "$SITE" --yes --no-build "${JOBS_ARG[@]}")
  second=$(tail -n 1 "$BENCH_DIR/last.log")
  echo "== $N pages: $files files on the server (jobs: ${JOBS:-default})"
  echo "build: ${t_build} s; first deploy: ${t_first} s ($first)"
  echo "after one edit: rebuild ${t_rebuild} s; deploy ${t_second} s ($second)"
done
