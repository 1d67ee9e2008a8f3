#!/usr/bin/env python3
"""Golden token ids for TokenizerTest from a standard-library GPT-2 byte-level BPE.

Written from OpenAI's GPT-2 encoder.py (bytes_to_unicode, bpe) and its pre-tokenizer pattern
's|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+
scanned by hand because the re module has no \\p classes. Not derived from the Java code.

Usage: python3 make_golden.py /path/to/whisper-tiny   (a folder with vocab.json and merges.txt)
Writes golden.json next to this script: a list of {"text": ..., "ids": [...]}.
"""

import json
import os
import sys
import unicodedata

SENTENCES = [
    " And so my fellow Americans, ask not what your country can do for you,"
    " ask what you can do for your country.",
    "Hello world! It's a test, isn't it? We'll see; they've done it.",
    " Grüß Gott, wie geht's? Straße, Äpfel und Öl.",
    " Ça va ? Déjà vu, naïve façade, où est l'hôtel ?",
    " 我们今天去公园散步，天气很好。",
    " 今日は良い天気ですね。カタカナとひらがな。",
    " Привет, как дела? Всё хорошо.",
    " Emoji: 😀🎉👍🏽 and ❤️ done.",
    " In 1969, 3.14159 and 42% of 1,000,000 people paid $12.50.",
    "  two spaces,\tand a tab\nnew line\n\n  indented   end  ",
    " (parentheses) [brackets] {braces} <angle> \"quotes\" -- dash... ellipsis!?",
    " مرحبا بالعالم",
]


def bytes_to_unicode():
    keep = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAC + 1)) \
        + list(range(0xAE, 0xFF + 1))
    table, extra = {}, 0
    for b in range(256):
        if b in keep:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + extra)
            extra += 1
    return table


def is_letter(c):
    return unicodedata.category(c).startswith("L")


def is_number(c):
    return unicodedata.category(c).startswith("N")


def is_space(c):
    return c.isspace()


def is_other(c):
    return not (is_space(c) or is_letter(c) or is_number(c))


def pre_tokenize(text):
    pieces, i, n = [], 0, len(text)
    while i < n:
        for contraction in ("'s", "'t", "'re", "'ve", "'m", "'ll", "'d"):
            if text.startswith(contraction, i):
                end = i + len(contraction)
                break
        else:
            end = None
            for cls in (is_letter, is_number, is_other):  # " ?\p{..}+" alternatives in order
                start = i + 1 if text[i] == " " and i + 1 < n and cls(text[i + 1]) else i
                if cls(text[start]):
                    end = start
                    while end < n and cls(text[end]):
                        end += 1
                    break
            if end is None:  # whitespace: \s+(?!\S) gives back one space before a non-space
                end = i
                while end < n and is_space(text[end]):
                    end += 1
                if end < n and end - i > 1:
                    end -= 1
        pieces.append(text[i:end])
        i = end
    return pieces


def bpe(word, ranks):
    word = list(word)
    while len(word) > 1:
        pairs = [(ranks.get((a, b), float("inf")), a, b) for a, b in zip(word, word[1:])]
        rank, first, second = min(pairs, key=lambda p: p[0])
        if rank == float("inf"):
            break
        merged, i = [], 0
        while i < len(word):
            if i + 1 < len(word) and word[i] == first and word[i + 1] == second:
                merged.append(first + second)
                i += 2
            else:
                merged.append(word[i])
                i += 1
        word = merged
    return word


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_golden.py /path/to/whisper-tiny")
    folder = sys.argv[1]
    with open(os.path.join(folder, "vocab.json"), encoding="utf-8") as f:
        vocab = json.load(f)
    with open(os.path.join(folder, "merges.txt"), encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if not line.startswith("#version")]
    ranks = {tuple(line.split(" ")): rank for rank, line in enumerate(lines) if line}
    table = bytes_to_unicode()
    golden = []
    for text in SENTENCES:
        ids = []
        for piece in pre_tokenize(text):
            mapped = "".join(table[b] for b in piece.encode("utf-8"))
            ids.extend(vocab[token] for token in bpe(mapped, ranks))
        golden.append({"text": text, "ids": ids})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json")
    with open(out, "w", encoding="utf-8") as f:
        entries = [json.dumps(entry, ensure_ascii=False) for entry in golden]
        f.write("[\n  " + ",\n  ".join(entries) + "\n]\n")


if __name__ == "__main__":
    main()
