/**
 * Interned words (issue 17): every distinct word text a thread meets gets a small integer id, and
 * what soz computes per word — its normal form and stem in a language, its corpus item, the rules
 * a lexicon may match it with, its profile categories — is remembered in arrays indexed by that
 * id, computed once per distinct word for the whole run instead of looked up by string per token.
 *
 * Ids are never reused. When more than {@link WORD_TABLE_LIMIT} distinct words are held, the
 * table starts a new generation before the next segment is interned: the words and every memo
 * are forgotten, and the ids of the old generation (still carried by tokens prepared before) are
 * below the new generation's first id, so a memo answers nothing for them rather than something
 * wrong. Every memo holds values of pure functions of (word, language), so forgetting them changes
 * no result.
 */
import { detachedString } from './detached.js';

/** Distinct words a thread holds before it forgets them all (bounds the memory of a whole phone's chats). */
export const WORD_TABLE_LIMIT = 200_000;

/**
 * Values per interned word for one purpose (a language's word keys, a compiled lexicon's
 * candidate rules, …), valid for one generation of the table.
 */
export class WordMemo<T> {
  private readonly values: (T | undefined)[] = [];

  constructor(private readonly base: number) {}

  /** The value remembered for word `id`; undefined when none (or the id is of an older generation). */
  get(id: number): T | undefined {
    return this.values[id - this.base];
  }

  /** Remembers `value` for word `id` (nothing for an id of an older generation). */
  set(id: number, value: T): void {
    const index = id - this.base;
    if (index < 0) return;
    // Grown one by one so the array stays a dense list, never a dictionary.
    while (this.values.length < index) this.values.push(undefined);
    this.values[index] = value;
  }
}

/** Slots of a fresh table's hash index (a power of two; doubled when half full). */
const FIRST_SLOTS = 1 << 12;

/** Interned words and their memos (see the module comment); one per thread: {@link WORDS}. */
export class WordTable {
  private texts: string[] = [];
  // An open-addressing hash index over the words' code units, so a word is found from its range
  // in a segment without slicing it first (a string per token was the tokeniser's largest
  // allocation): `slots` holds a word's index in `texts` plus one (0 = empty), `hashes` each
  // word's hash.
  private slots = new Int32Array(FIRST_SLOTS);
  private hashes: number[] = [];
  private base = 0;
  private memos = new WeakMap<object, Map<string, WordMemo<unknown>>>();

  /** `limit`: distinct words held before a new generation starts. */
  constructor(private readonly limit: number) {}

  /** Identifies the current generation (the first id of it). */
  get generation(): number {
    return this.base;
  }

  /** The id of `word` (a slice of a document is copied first, so the table keeps no document alive). */
  idOf(word: string): number {
    return this.idOfRange(word, 0, word.length);
  }

  /** The id of the word `text.slice(start, end)`; the slice is made only for a word not held yet. */
  idOfRange(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let held = this.slots[slot] as number; held !== 0; held = this.slots[slot] as number) {
      const index = held - 1;
      if (this.hashes[index] === hash && sameRange(this.texts[index] as string, text, start, end)) return this.base + index;
      slot = (slot + 1) & mask;
    }
    const index = this.texts.length;
    this.texts.push(detachedString(text.slice(start, end)));
    this.hashes.push(hash);
    this.slots[slot] = index + 1;
    if (2 * this.texts.length > this.slots.length) this.rehash(2 * this.slots.length);
    return this.base + index;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    this.hashes.forEach((hash, index) => {
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
    });
    this.slots = slots;
  }

  /** The text of word `id` of this generation. */
  textOf(id: number): string {
    return this.texts[id - this.base] as string;
  }

  /** Starts a new generation when the table is full; call only before interning a segment. */
  makeRoom(): void {
    if (this.texts.length < this.limit) return;
    this.base += this.texts.length;
    this.texts = [];
    this.hashes = [];
    this.slots = new Int32Array(FIRST_SLOTS);
    this.memos = new WeakMap();
  }

  /** The memo of `owner` (and `slot`, e.g. a language) for this generation. */
  memo<T>(owner: object, slot = ''): WordMemo<T> {
    let slots = this.memos.get(owner);
    if (!slots) {
      slots = new Map();
      this.memos.set(owner, slots);
    }
    let memo = slots.get(slot);
    if (!memo) {
      memo = new WordMemo<unknown>(this.base);
      slots.set(slot, memo);
    }
    return memo as WordMemo<T>;
  }
}

/** Whether `word` equals `text.slice(start, end)`, compared code unit by code unit. */
function sameRange(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** The word table of this thread (each worker thread has its own). */
export const WORDS = new WordTable(WORD_TABLE_LIMIT);
