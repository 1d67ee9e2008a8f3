#!/usr/bin/env bash
# Regenerates the synthetic speech clips used by the language tests (espeak-ng and sox from
# Debian). The clips are generated audio, not recordings; other espeak-ng versions may give
# slightly different bytes (made with espeak-ng 1.51 and sox 14.4.2).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
say() {
  local voice=$1 name=$2 text=$3
  espeak-ng -v "$voice" -s 150 -w "$tmp/$name" "$text"
  sox "$tmp/$name" -r 16000 -c 1 -b 16 "$name"
}
say fr french.wav "Bonjour, je m'appelle Marie et j'habite à Paris. Aujourd'hui il fait beau, et nous allons au marché pour acheter des légumes et du pain."
say de german.wav "Guten Tag, ich heiße Anna und wohne in Berlin. Heute ist das Wetter schön, und wir gehen zusammen in den Park spazieren."
