#!/bin/sh
# Signs one Windows program with osslsigncode (Debian: apt-get install osslsigncode), using a
# code-signing certificate and key (PEM files), or a .pfx and its password.
#
#   installer/osslsigncode-sign.sh CERT KEY FILE     certificate and key
#   installer/osslsigncode-sign.sh PFX - FILE        .pfx (password in REOPEN_SIGN_PASSWORD)
#
# Inno Setup's compiler under wine reaches it through sign-under-wine.cmd, which passes the
# three in REOPEN_SIGN_CERT, REOPEN_SIGN_KEY and REOPEN_SIGN_FILE as Windows paths (wine maps
# the Unix root to Z:, so Z:\a\b is /a/b here) and waits for FILE.sign-ok or
# FILE.sign-failed. REOPEN_SIGN_TIMESTAMP names a time-stamp server: without a time stamp a
# signature stops being valid when the certificate expires.
set -u
unix() { printf '%s\n' "$1" | sed -e 's/^[Zz]://' -e 's/\\/\//g'; }
if [ $# -eq 3 ]; then
  credential=$1; key=$2; file=$3
else
  credential=$(unix "${REOPEN_SIGN_CERT:?}"); key=$(unix "${REOPEN_SIGN_KEY:?}")
  file=$(unix "${REOPEN_SIGN_FILE:?}")
fi
[ "$key" = "-" ] || key=$(unix "$key")
credential=$(unix "$credential"); file=$(unix "$file")
if [ "$key" = "-" ]; then
  set -- -pkcs12 "$credential" -pass "${REOPEN_SIGN_PASSWORD:-}"
else
  set -- -certs "$credential" -key "$key"
fi
[ -z "${REOPEN_SIGN_TIMESTAMP:-}" ] || set -- "$@" -ts "$REOPEN_SIGN_TIMESTAMP"
rm -f "$file.sign-ok" "$file.sign-failed"
if osslsigncode sign "$@" -h sha256 -n "复学防控桌面" -in "$file" -out "$file.signed" \
    >"$file.sign-log" 2>&1 && mv -f "$file.signed" "$file"; then
  rm -f "$file.sign-log"; touch "$file.sign-ok"
else
  cat "$file.sign-log" >&2; rm -f "$file.signed"; mv -f "$file.sign-log" "$file.sign-failed"
  exit 1
fi
