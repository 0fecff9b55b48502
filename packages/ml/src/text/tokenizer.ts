import { isCombining } from './combining-marks';
import { ENGLISH_STOP_WORDS } from './stop-words';

export interface TokenizerOptions {
  /** Unicode normalisation applied first: 'NFKC' folds compatibility forms (ligatures, full-width letters). */
  normalize: 'NFKC' | null;
  lowercase: boolean;
  /**
   * Accent removal after lowercasing, as scikit-learn's `strip_accents`: 'unicode' decomposes (NFKD) and drops
   * combining characters (é → e, keeps non-Latin letters); 'ascii' also drops every other non-ASCII character.
   */
  stripAccents: 'unicode' | 'ascii' | null;
  /** Words dropped after tokenizing and before n-grams: scikit-learn's English list, your own, or none. */
  stopWords: 'english' | string[] | null;
  /** Smallest and largest n of the word n-grams, e.g. [1, 2] for unigrams and bigrams. */
  ngramRange: [number, number];
}

/**
 * A word: a maximal run of two or more letters, digits or underscores, in any script. This is what scikit-learn's
 * default `token_pattern=r"(?u)\b\w\w+\b"` matches, since Python's `\w` is `[\p{L}\p{N}_]` and JavaScript's `\b`
 * is ASCII-only (so it cannot be used here). `{2,}` counts code points, as Python does.
 */
const TOKEN = /[\p{L}\p{N}_]{2,}/gu;

/** Splits text into words and joins them into n-grams (scikit-learn's `build_analyzer()` for `analyzer='word'`). */
export class Tokenizer {
  readonly options: TokenizerOptions;
  readonly #stopWords: ReadonlySet<string> | null;

  constructor(options: TokenizerOptions) {
    this.options = options;
    const { stopWords } = options;
    this.#stopWords = stopWords === 'english' ? ENGLISH_STOP_WORDS : stopWords ? new Set(stopWords) : null;
  }

  /** The words of `text`, after normalisation, lowercasing and stop-word removal. */
  words(text: string): string[] {
    let s = this.options.normalize ? text.normalize(this.options.normalize) : text;
    if (this.options.lowercase) s = s.toLowerCase();
    if (this.options.stripAccents) s = stripAccents(s, this.options.stripAccents);
    const words = s.match(TOKEN) ?? [];
    const stop = this.#stopWords;
    return stop ? words.filter((w) => !stop.has(w)) : words;
  }

  /** The n-grams of `text` for n in `ngramRange`, words joined by one space (the order scikit-learn emits them). */
  tokens(text: string): string[] {
    const words = this.words(text);
    const [minN, maxN] = this.options.ngramRange;
    if (minN === 1 && maxN === 1) return words;
    const out: string[] = minN === 1 ? [...words] : [];
    for (let n = Math.max(2, minN); n <= Math.min(maxN, words.length); n++) {
      for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
    }
    return out;
  }
}

/** scikit-learn's `strip_accents_unicode` / `strip_accents_ascii`. */
export function stripAccents(text: string, mode: 'unicode' | 'ascii'): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is "only ASCII", control characters included.
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  const decomposed = text.normalize('NFKD');
  let out = '';
  for (const char of decomposed) {
    const code = char.codePointAt(0)!;
    if (mode === 'ascii' ? code < 0x80 : !isCombining(code)) out += char;
  }
  return out;
}

/** Orders strings by code point, as Python's `sorted` does (JavaScript's default compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Only a surrogate against a unit in U+E000..U+FFFF orders differently by code point.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
