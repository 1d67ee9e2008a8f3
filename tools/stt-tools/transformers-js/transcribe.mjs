#!/usr/bin/env node
// Reference Whisper transcription with transformers.js 3.x on onnxruntime-node (CPU),
// used to compare speed and accuracy with Earshot's Java pipeline on the SAME model files.
//
// Usage:
//   node transcribe.mjs --model <modelFolder> --threads <n> [--timestamps | --words] [--repeat <k>] <input.f32|input.wav> ...
//
// --repeat k (default 1) times each input k times and reports the median as "ms" (all runs in
// "runsMs"); useful on noisy shared machines.
//
// Inputs: raw little-endian float32 mono PCM at 16 kHz (*.f32, or any non-.wav name), or
// RIFF/WAVE 16-bit PCM mono 16 kHz (*.wav; IEEE float32 mono 16 kHz WAV is accepted as well).
//
// --words asks for word timestamps (return_timestamps: 'word'), aligned as OpenAI's timing.py
// aligns them (see alignLikeOpenAI below), and writes them as "words": [{text, start, end}].
//
// Output: one JSON line per input on stdout:
//   {"file", "audioSeconds", "text", "ms", ["chunks" with --timestamps], ["words" with --words]}
// The first line additionally carries "loadMs" (pipeline load) and "warmupMs" (one untimed
// warm-up transcription of the first input, done before any timed call).
// Diagnostics go to stderr only, so stdout stays machine-readable.

import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { env, pipeline } from '@huggingface/transformers';

const SAMPLE_RATE = 16000;

function usage(msg) {
  if (msg) process.stderr.write(`error: ${msg}\n`);
  process.stderr.write(
    'usage: node transcribe.mjs --model <modelFolder> --threads <n> [--timestamps | --words] [--repeat <k>] <input.f32|input.wav> ...\n');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { model: null, threads: null, timestamps: false, words: false, repeat: '1', inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--model') opts.model = value();
    else if (a.startsWith('--model=')) opts.model = a.slice('--model='.length);
    else if (a === '--threads') opts.threads = value();
    else if (a.startsWith('--threads=')) opts.threads = a.slice('--threads='.length);
    else if (a === '--timestamps') opts.timestamps = true;
    else if (a === '--words') opts.words = true;
    else if (a === '--repeat') opts.repeat = value();
    else if (a.startsWith('--repeat=')) opts.repeat = a.slice('--repeat='.length);
    else if (a === '--help' || a === '-h') usage();
    else if (a === '--') opts.inputs.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else opts.inputs.push(a);
  }
  if (!opts.model) usage('--model is required');
  if (opts.threads === null) usage('--threads is required');
  const n = Number(opts.threads);
  if (!Number.isInteger(n) || n < 1) usage(`--threads must be a positive integer, got ${opts.threads}`);
  opts.threads = n;
  const r = Number(opts.repeat);
  if (!Number.isInteger(r) || r < 1) usage(`--repeat must be a positive integer, got ${opts.repeat}`);
  opts.repeat = r;
  if (opts.inputs.length === 0) usage('no input files');
  return opts;
}

/** Parses a RIFF/WAVE file (16-bit PCM or 32-bit float, mono, 16 kHz) into a Float32Array. */
function readWav(file, buf) {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${file}: not a RIFF/WAVE file`);
  }
  let fmt = null;
  let off = 12;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    let size = buf.readUInt32LE(off + 4);
    const body = off + 8;
    if (body + size > buf.length) size = buf.length - body; // tolerate truncated/streamed sizes
    if (id === 'fmt ') {
      let format = buf.readUInt16LE(body);
      const channels = buf.readUInt16LE(body + 2);
      const rate = buf.readUInt32LE(body + 4);
      const bits = buf.readUInt16LE(body + 14);
      if (format === 0xfffe && size >= 26) format = buf.readUInt16LE(body + 24); // WAVE_FORMAT_EXTENSIBLE
      fmt = { format, channels, rate, bits };
    } else if (id === 'data') {
      if (!fmt) throw new Error(`${file}: data chunk before fmt chunk`);
      if (fmt.channels !== 1) throw new Error(`${file}: expected mono, got ${fmt.channels} channels`);
      if (fmt.rate !== SAMPLE_RATE) throw new Error(`${file}: expected ${SAMPLE_RATE} Hz, got ${fmt.rate} Hz`);
      if (fmt.format === 1 && fmt.bits === 16) {
        const n = Math.floor(size / 2);
        const out = new Float32Array(n);
        for (let i = 0; i < n; i++) out[i] = buf.readInt16LE(body + 2 * i) / 32768;
        return out;
      }
      if (fmt.format === 3 && fmt.bits === 32) {
        const n = Math.floor(size / 4);
        const out = new Float32Array(n);
        for (let i = 0; i < n; i++) out[i] = buf.readFloatLE(body + 4 * i);
        return out;
      }
      throw new Error(`${file}: unsupported WAV encoding (format ${fmt.format}, ${fmt.bits} bits); need 16-bit PCM`);
    }
    off = body + size + (size & 1); // chunks are word-aligned
  }
  throw new Error(`${file}: no data chunk`);
}

/** Reads raw little-endian float32 mono PCM. */
function readF32(file, buf) {
  if (buf.length % 4 !== 0) throw new Error(`${file}: size ${buf.length} is not a multiple of 4 (raw float32 expected)`);
  const n = buf.length / 4;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = buf.readFloatLE(4 * i);
  return out;
}

function readAudio(file) {
  const buf = fs.readFileSync(file);
  return file.toLowerCase().endsWith('.wav') ? readWav(file, buf) : readF32(file, buf);
}

const round1 = (x) => Math.round(x * 10) / 10;

/**
 * Makes transformers.js's word alignment that of OpenAI's timing.py (and of transformers in
 * Python), whose DTW code it runs unchanged. Two things differ in 4.3.1:
 * - It drops every prompt row of the cross-attention matrix and gives token k the time where the
 *   row of the decoder AT token k starts; that row predicts token k + 1, so every word came out
 *   one token late (on jfk.wav "Americans" 2.28-3.78 s, over the pause after the word, and "not"
 *   over the next pause). timing.py gives a token the row that predicts it: the prompt's last row
 *   for the first token. Here one more prompt row is kept and the times move one token on.
 * - In its timestamp path it aligns over the whole 30 s window (num_frames 1500), so the last
 *   words could align into the padding; timing.py cuts the attention to the audio's frames
 *   (num_frames // 2 positions), as this passes.
 * Only the first seek pass is cut to the audio; inputs here are single windows of at most 30 s.
 */
function alignLikeOpenAI(model, audioPositions) {
  const original = model._extract_token_timestamps.bind(model);
  let calls = 0;
  model._extract_token_timestamps = (outputs, heads, numFrames, precision, numInputIds = 1) => {
    if (++calls > 1) {
      process.stderr.write('warning: a second seek pass; its words are not cut to the audio\n');
    }
    const frames = calls === 1 ? Math.min(numFrames ?? Infinity, audioPositions()) : numFrames;
    const times = original(outputs, heads, frames, precision, numInputIds - 1);
    const data = times.data;
    for (let i = data.length - 1; i > 0; i--) data[i] = data[i - 1];
    data[0] = 0;
    return times;
  };
  return () => { calls = 0; };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));

  const modelDir = path.resolve(opts.model);
  for (const f of ['config.json', 'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx']) {
    if (!fs.existsSync(path.join(modelDir, f))) usage(`model folder ${modelDir} lacks ${f}`);
  }

  // Local files only: never touch the Hugging Face Hub, never write a cache.
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = path.dirname(modelDir) + path.sep;
  env.useFSCache = false;
  env.useBrowserCache = false;
  env.useCustomCache = false;
  const modelId = path.basename(modelDir); // resolved as <localModelPath>/<modelId>/...

  const require = createRequire(import.meta.url);
  const tjsVersion = env.version;
  let ortVersion = '?';
  try {
    ortVersion = require('onnxruntime-node/package.json').version;
  } catch { /* not resolvable from here; informational only */ }
  process.stderr.write(
    `transformers.js ${tjsVersion}, onnxruntime-node ${ortVersion}, model ${modelDir}, threads ${opts.threads}\n`);

  // Audio is read before anything is timed.
  const inputs = opts.inputs.map((file) => ({ file, audio: readAudio(file) }));

  const t0 = performance.now();
  const asr = await pipeline('automatic-speech-recognition', modelId, {
    device: 'cpu',
    // q8 => onnx/<name>_quantized.onnx; transformers.js loads encoder_model + decoder_model_merged
    // (the merged decoder with KV cache) for Whisper.
    dtype: { encoder_model: 'q8', decoder_model_merged: 'q8' },
    local_files_only: true,
    // Passed verbatim (plus executionProviders) to ort.InferenceSession.create for every session.
    session_options: {
      intraOpNumThreads: opts.threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
    },
  });
  const loadMs = performance.now() - t0;
  try {
    // Diagnostic: each ORT session owns an intra-op pool of (intraOpNumThreads - 1) worker threads.
    process.stderr.write(`process threads after load: ${fs.readdirSync('/proc/self/task').length}\n`);
  } catch { /* not Linux */ }

  let positions = 0;
  const newInput = opts.words ? alignLikeOpenAI(asr.model, () => positions) : () => {};

  const generateKwargs = {
    language: 'english',
    task: 'transcribe',
    return_timestamps: opts.words ? 'word' : opts.timestamps,
    do_sample: false, // greedy
    num_beams: 1,
    // chunk_length_s deliberately unset: inputs are <= 30 s and go through in one window.
  };

  const transcribe = async (audio) => {
    // OpenAI's num_frames // 2: 10 ms log-mel frames, two per encoder position.
    positions = Math.floor(Math.floor(audio.length / 160) / 2);
    newInput();
    const t = performance.now();
    const out = await asr(audio, generateKwargs);
    return { out, ms: performance.now() - t };
  };

  const warm = await transcribe(inputs[0].audio);
  const warmupMs = warm.ms;

  for (let i = 0; i < inputs.length; i++) {
    const { file, audio } = inputs[i];
    const runs = [];
    let out;
    for (let k = 0; k < opts.repeat; k++) {
      const res = await transcribe(audio);
      runs.push(res.ms);
      out = res.out; // greedy decoding is deterministic; keep the last text
    }
    const sorted = [...runs].sort((x, y) => x - y);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]
      : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    const line = {
      file,
      audioSeconds: Math.round((audio.length / SAMPLE_RATE) * 1000) / 1000,
      text: out.text.trim(),
      ms: round1(median), // a single run unless --repeat k > 1, then the median of k runs
    };
    if (opts.repeat > 1) line.runsMs = runs.map(round1);
    if (opts.timestamps && out.chunks) line.chunks = out.chunks;
    if (opts.words && out.chunks) {
      line.words = out.chunks.map((c) => ({ text: c.text, start: c.timestamp[0], end: c.timestamp[1] }));
    }
    if (i === 0) {
      line.loadMs = round1(loadMs);
      line.warmupMs = round1(warmupMs);
    }
    process.stdout.write(JSON.stringify(line) + '\n');
  }
  // Peak resident memory of the whole process, for the side-by-side table.
  process.stdout.write(JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`error: ${e?.stack ?? e}\n`);
  process.exit(1);
});
