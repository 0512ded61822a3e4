#!/bin/sh
# Starts the `wowbot` CLI, with Node taking this shell's place (exec), so signals reach the service itself.
# `wowbot serve` gets a 512 MB old-generation heap limit unless NODE_OPTIONS sets one: with the default limit of a
# large host, V8 lets a busy service's heap swing up to four times its live size between collections, and RSS with
# it (docs/operations.md, "Memory under sustained load"). Other commands keep Node's default, because
# `wowbot import` reads its whole file into memory.
set -eu
bin=$(dirname "$0")
if [ "${1-}" = serve ]; then
  case "${NODE_OPTIONS-}" in
    *--max-old-space-size* | *--max_old_space_size*) ;;
    *) exec node --max-old-space-size=512 "$bin/wowbot.js" "$@" ;;
  esac
fi
exec node "$bin/wowbot.js" "$@"
