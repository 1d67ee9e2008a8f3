#!/usr/bin/env bash
# Regenerates reference.tsv, the word times WordTimestampsTest compares Earshot's with, from
# transformers.js (not from Earshot's code) on the same model files and recordings:
# tools/stt-tools/transformers-js/transcribe.mjs --words, i.e. the automatic-speech-recognition
# pipeline with return_timestamps: 'word', greedy, language english, with the two corrections that
# make its alignment OpenAI's (the script's alignLikeOpenAI says which and why). Needs Node >= 18
# and `npm ci` in that folder; Earshot's asset cache holds the models and recordings.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
js=$(cd "$here/../../../../../../../../../tools/stt-tools/transformers-js" && pwd)
assets=${EARSHOT_CACHE:-$HOME/.cache/earshot}/assets
libri=$assets/librivox/sense_and_sensibility_01_austen_64kb
version() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$js/node_modules/$1/package.json"; }
versions="transformers.js $(version @huggingface/transformers), onnxruntime-node $(version onnxruntime-node)"
{
  echo "# Word times by transformers.js, made by make-reference.sh: $versions, Node $(node --version),"
  echo "# $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), 1 thread, $(date -u +%Y-%m-%d)."
  echo "# model<TAB>clip<TAB>word<TAB>start s<TAB>end s"
  for model in tiny base; do
    files=("$assets/jfk/jfk.wav")
    if [ "$model" = base ]; then
      files+=("$libri-0870.wav" "$libri-0880.wav" "$libri-0890.wav" "$libri-0920.wav" "$libri-0930.wav")
    fi
    (cd "$js" && node transcribe.mjs --model "$assets/whisper-$model" --threads 1 --words "${files[@]}" 2>/dev/null) |
      MODEL=$model python3 -c '
import json, os, sys
for line in sys.stdin:
    result = json.loads(line)
    for word in result.get("words", []):
        clip = os.path.basename(result["file"])
        print("\t".join([os.environ["MODEL"], clip, word["text"].strip(), str(word["start"]), str(word["end"])]))
'
  done
} >"$here/reference.tsv.tmp"
mv "$here/reference.tsv.tmp" "$here/reference.tsv"
