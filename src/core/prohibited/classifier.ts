/**
 * The negative-list classifier: normalise a description, find every listed word in one pass of
 * one combined RegExp (plus one for the few patterns), weigh them with the economic code, and
 * report a hit per clause of each selected pack. Pure and deterministic.
 */
import type { Bilingual } from "../i18n";
import type { Citation } from "../rules/citation";
import {
  ActorKind,
  ACTORS,
  CATEGORIES,
  CATEGORY_LABELS,
  CLEARING,
  CODES,
  CodeEntry,
  GROUPS,
  GroupId,
  NEGATIVE_LIST_IDS,
  NEGATIVE_LISTS,
  PackId,
  ProhibitedCategory,
  ProhibitedRule,
} from "../rules/prohibited";
import { CustomTerms } from "./custom";
import { normalize } from "./normalize";

export interface ProhibitedHit {
  category: ProhibitedCategory;
  /** Stable rule id, e.g. "XJ76-1-5". */
  rule: string;
  pack: PackId;
  /** What was found, e.g. {zh: "楼堂馆所", en: "office buildings, halls…"}. */
  label: Bilingual;
  /** The words (normalised) or the code matched. */
  evidence: string;
  confidence: "code" | "keyword";
  citation: Citation;
}

export interface ClassifierOptions {
  packs?: PackId[] | "ALL";
  custom?: CustomTerms;
  /** Only rules in force on this Excel serial day; default: every rule. */
  asOf?: number;
}

export interface Classifier {
  /** Hits, most specific first; [] when the spending is allowed. */
  classify(text: string, econCode?: string | number | null): ProhibitedHit[];
  readonly packs: readonly PackId[];
}

// ── Compiled form ───────────────────────────────────────────────────────────

/** Term groups plus one "custom" group per category for an office's own words. */
type Gid = GroupId | `${ProhibitedCategory}.custom`;

type Token =
  | { t: "strong"; g: Gid }
  | { t: "ctx"; g: GroupId }
  | { t: "actor"; a: ActorKind }
  | { t: "clear"; i: number }
  | { t: "except"; c: ProhibitedCategory | "ALL" };

interface GroupInfo {
  id: Gid;
  category: ProhibitedCategory;
  label: Bilingual;
  actors: readonly ActorKind[];
  order: number;
  custom: boolean;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface TrieNode {
  end: boolean;
  kids: Map<string, TrieNode>;
}

/**
 * The words as one RegExp shaped like a trie (办公(?:楼|用房|…)), so the engine tests each
 * character once per position rather than once per word; a longer word wins at a position.
 * Measured here: about twice as fast as a flat alternation of the same ~400 words.
 */
function trieSource(words: readonly string[]): string {
  const root: TrieNode = { end: false, kids: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      let k = n.kids.get(ch);
      if (!k) n.kids.set(ch, (k = { end: false, kids: new Map() }));
      n = k;
    }
    n.end = true;
  }
  const emit = (n: TrieNode): string => {
    const alts = [...n.kids.keys()].sort().map((ch) => escapeRe(ch) + emit(n.kids.get(ch)!));
    if (alts.length === 0) return "";
    const group = alts.length === 1 && !n.end ? alts[0] : `(?:${alts.join("|")})`;
    return n.end ? `${group}?` : group;
  };
  const firsts = [...root.kids.keys()].map((ch) => ch.replace(/[\\\]^-]/g, "\\$&")).join("");
  return `(?=[${firsts}])${emit(root)}`;
}

interface Compiled {
  literal: RegExp;
  pattern: RegExp | null;
  patterns: { re: RegExp; tok: Token }[];
  words: Map<string, Token[]>;
  /** For each word, the tokens of itself and of every shorter word it starts with (longest first). */
  withPrefixes: Map<string, { word: string; toks: Token[] }[]>;
  groups: Map<Gid, GroupInfo>;
  /** Which groups each CLEARING entry clears decisively. */
  clearsStrong: Set<Gid>[];
  /** The lists each CLEARING entry applies under (null: every list). */
  clearLists: (ReadonlySet<PackId> | null)[];
}

function compile(custom: CustomTerms | undefined): Compiled {
  const words = new Map<string, Token[]>();
  const addWord = (w: string, tok: Token) => {
    const n = normalize(w);
    if (n === "") return;
    const list = words.get(n);
    if (list) list.push(tok);
    else words.set(n, [tok]);
  };
  const patterns: { re: RegExp; tok: Token; src: string }[] = [];
  const addPattern = (src: string, tok: Token) =>
    patterns.push({ re: new RegExp(`(?:${src})`, "y"), tok, src });

  const groups = new Map<Gid, GroupInfo>();
  GROUPS.forEach((g, order) => {
    groups.set(g.id, {
      id: g.id,
      category: g.category,
      label: g.label,
      actors: g.actors ?? [],
      order,
      custom: false,
    });
    for (const w of g.terms) addWord(w, { t: "strong", g: g.id });
    for (const p of g.patterns ?? []) addPattern(p, { t: "strong", g: g.id });
    for (const w of g.contextual ?? []) addWord(w, { t: "ctx", g: g.id });
    for (const p of g.contextualPatterns ?? []) addPattern(p, { t: "ctx", g: g.id });
  });
  CATEGORIES.forEach((c, i) => {
    const id = `${c}.custom` as const;
    groups.set(id, {
      id,
      category: c,
      label: CATEGORY_LABELS[c],
      actors: [],
      order: GROUPS.length + i,
      custom: true,
    });
  });
  for (const a of Object.keys(ACTORS) as ActorKind[]) {
    for (const w of ACTORS[a].terms) addWord(w, { t: "actor", a });
    for (const p of ACTORS[a].patterns ?? []) addPattern(p, { t: "actor", a });
  }
  const clearsStrong = CLEARING.map((c, i) => {
    for (const w of c.terms) addWord(w, { t: "clear", i });
    for (const p of c.patterns ?? []) addPattern(p, { t: "clear", i });
    const set = new Set<Gid>();
    for (const target of c.clearsStrong ?? []) {
      for (const g of groups.values()) if (g.id === target || g.category === target) set.add(g.id);
    }
    return set;
  });
  const clearLists = CLEARING.map((c) => (c.lists ? new Set<PackId>(c.lists) : null));
  for (const ct of custom?.terms ?? []) {
    if (ct.kind === "exception") addWord(ct.term, { t: "except", c: ct.category });
    else if (ct.category !== "ALL") addWord(ct.term, { t: "strong", g: `${ct.category}.custom` });
  }

  const list = [...words.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // the RegExp gives the longest word at a position; the shorter words starting there count too
  const withPrefixes = new Map<string, { word: string; toks: Token[] }[]>();
  for (const w of list) {
    const entries: { word: string; toks: Token[] }[] = [];
    for (let len = w.length; len >= 1; len--) {
      const sub = w.slice(0, len);
      const toks = words.get(sub);
      if (toks) entries.push({ word: sub, toks });
    }
    withPrefixes.set(w, entries);
  }
  return {
    literal: new RegExp(trieSource(list), "g"),
    pattern: patterns.length
      ? new RegExp(patterns.map((p) => `(?:${p.src})`).join("|"), "g")
      : null,
    patterns,
    words,
    withPrefixes,
    groups,
    clearsStrong,
    clearLists,
  };
}

// ── Economic codes ──────────────────────────────────────────────────────────

/** The digits of an economic code cell: 30102, "30102", "３０１０２ 津贴补贴" → "30102"; else null. */
export function econCodeDigits(code: string | number | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  if (typeof code === "number") {
    return Number.isInteger(code) && code >= 100 && code <= 9999999 ? String(code) : null;
  }
  const m = /\d{3,7}/.exec(normalize(code));
  return m ? m[0] : null;
}

/** The table entry for a code: exact first, then the longest prefix. */
export function lookupEconCode(digits: string): CodeEntry | undefined {
  let best: CodeEntry | undefined;
  for (const e of CODES) {
    if (e.code === digits) return e;
    if (e.prefix && digits.startsWith(e.code) && (!best || e.code.length > best.code.length))
      best = e;
  }
  return best;
}

// ── Scanning ────────────────────────────────────────────────────────────────

interface Seen {
  /** Words per group, and where the last of them ends (the head of a Chinese phrase is last). */
  strong: Map<Gid, { words: string[]; end: number }>;
  ctx: Map<GroupId, { words: string[]; end: number }>;
  actors: Map<ActorKind, string>;
  soft: string | null;
  cleared: Set<Gid>;
  /** Clearings that apply only under some lists: the group, and the lists it is cleared under. */
  clearedIn: Map<Gid, Set<PackId>>;
  /** Lists under which a list-bound, general clearing word clears contextual words. */
  softIn: Set<PackId>;
  except: Set<ProhibitedCategory | "ALL">;
}

function note(s: Seen, c: Compiled, tok: Token, word: string, pos: number): void {
  switch (tok.t) {
    case "strong":
    case "ctx": {
      const m =
        tok.t === "strong" ? s.strong : (s.ctx as Map<Gid, { words: string[]; end: number }>);
      const e = m.get(tok.g);
      const end = pos + word.length;
      if (!e) {
        m.set(tok.g, { words: [word], end });
        break;
      }
      if (end > e.end) e.end = end;
      if (!e.words.some((w) => w.includes(word))) {
        // keep the longer word when one contains the other (交通补贴 over 补贴)
        e.words = e.words.filter((w) => !word.includes(w));
        e.words.push(word);
      }
      break;
    }
    case "actor":
      if (!s.actors.has(tok.a)) s.actors.set(tok.a, word);
      break;
    case "clear": {
      const lists = c.clearLists[tok.i];
      const only = CLEARING[tok.i].only === true;
      if (lists === null) {
        if (!only && s.soft === null) s.soft = word;
        for (const g of c.clearsStrong[tok.i]) s.cleared.add(g);
      } else {
        if (!only) for (const p of lists) s.softIn.add(p);
        for (const g of c.clearsStrong[tok.i]) {
          const set = s.clearedIn.get(g) ?? new Set<PackId>();
          for (const p of lists) set.add(p);
          s.clearedIn.set(g, set);
        }
      }
      break;
    }
    case "except":
      s.except.add(tok.c);
      break;
  }
}

function newSeen(): Seen {
  return {
    strong: new Map(),
    ctx: new Map(),
    actors: new Map(),
    soft: null,
    cleared: new Set(),
    clearedIn: new Map(),
    softIn: new Set(),
    except: new Set(),
  };
}

/** Fills `s` (cleared first: one per classifier, reused — classification is synchronous). */
function scan(c: Compiled, text: string, s: Seen): Seen {
  // (Map/Set clear() allocates a fresh table even when empty: the usual text matches nothing.)
  if (s.strong.size) s.strong.clear();
  if (s.ctx.size) s.ctx.clear();
  if (s.actors.size) s.actors.clear();
  s.soft = null;
  if (s.cleared.size) s.cleared.clear();
  if (s.clearedIn.size) s.clearedIn.clear();
  if (s.softIn.size) s.softIn.clear();
  if (s.except.size) s.except.clear();
  const lit = c.literal;
  lit.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = lit.exec(text)) !== null) {
    const at = m.index;
    const entries = c.withPrefixes.get(m[0])!;
    for (let e = 0; e < entries.length; e++) {
      const { word, toks } = entries[e];
      for (let t = 0; t < toks.length; t++) note(s, c, toks[t], word, at);
    }
    lit.lastIndex = at + 1; // overlapping words: look again from the next character
  }
  if (c.pattern) {
    const pat = c.pattern;
    pat.lastIndex = 0;
    while ((m = pat.exec(text)) !== null) {
      const at = m.index;
      for (const p of c.patterns) {
        p.re.lastIndex = at;
        const pm = p.re.exec(text);
        if (pm) note(s, c, p.tok, pm[0], at);
      }
      pat.lastIndex = at + 1;
    }
  }
  return s;
}

// ── Weighing ────────────────────────────────────────────────────────────────

interface Live {
  g: GroupInfo;
  words: string[];
  strength: 0 | 1; // 0 decisive word or code, 1 contextual
  code: string | null;
  end: number;
  /** Lists under which a list-bound exception clears this group (absent: none). */
  clearedIn?: ReadonlySet<PackId>;
}

function clearedUnder(s: Seen, gid: Gid, contextual: boolean): Set<PackId> | undefined {
  const own = s.clearedIn.get(gid);
  if (!contextual || s.softIn.size === 0) return own;
  return new Set([...(own ?? []), ...s.softIn]);
}

function weigh(c: Compiled, s: Seen, code: CodeEntry | undefined, digits: string | null): Live[] {
  const live = new Map<Gid, Live>();
  const all = s.except.has("ALL");
  for (const [gid, e] of s.strong) {
    const g = c.groups.get(gid)!;
    if (all || s.except.has(g.category) || s.cleared.has(gid)) continue;
    const clearedIn = clearedUnder(s, gid, false);
    live.set(gid, { g, words: e.words, strength: 0, code: null, end: e.end, clearedIn });
  }
  const codeCat = code && code.group ? c.groups.get(code.group)!.category : null;
  for (const [gid, e] of s.ctx) {
    const g = c.groups.get(gid)!;
    if (all || s.except.has(g.category) || s.soft !== null || live.has(gid) || s.cleared.has(gid))
      continue;
    let actor: string | undefined;
    for (const a of g.actors) actor ??= s.actors.get(a);
    // a code of the same category speaks for the spender (302xx + 电费 is the office's bill)
    if (actor === undefined && codeCat !== g.category) continue;
    const words = actor === undefined ? e.words : e.words.map((w) => `${w}（${actor}）`);
    const clearedIn = clearedUnder(s, gid, true);
    live.set(gid, { g, words, strength: 1, code: null, end: e.end, clearedIn });
  }
  if (code && code.group && digits) {
    const g = c.groups.get(code.group)!;
    const ev = `经济分类 ${digits} ${code.name}`;
    if (!(all || s.except.has(g.category))) {
      if (code.strength === "strong") {
        const prev = live.get(g.id);
        live.set(g.id, {
          g,
          words: prev ? prev.words : [],
          strength: 0,
          code: ev,
          end: prev ? prev.end : -1,
        });
      } else if (code.strength === "weak") {
        // weak alone: only groups of its category that the description names carry it
        for (const l of live.values()) if (l.g.category === g.category) l.code = ev;
      }
    }
  }
  return [...live.values()];
}

function evidenceOf(parts: Live[]): string {
  const code = parts.find((p) => p.code)?.code;
  const words: string[] = [];
  for (const p of parts) for (const w of p.words) words.push(p.g.custom ? `${w}（本单位清单）` : w);
  const text = words.join("、");
  return code ? (text ? `${code}；${text}` : code) : text;
}

interface Ranked {
  hit: ProhibitedHit;
  // most specific first: code-backed, decisive, the phrase's head (ends last), longest word,
  // then the fixed category and pack orders
  code: number;
  strength: number;
  end: number;
  longest: number;
  category: number;
  pack: number;
}

function byRank(a: Ranked, b: Ranked): number {
  return (
    a.code - b.code ||
    a.strength - b.strength ||
    b.end - a.end ||
    b.longest - a.longest ||
    a.category - b.category ||
    a.pack - b.pack
  );
}

/** What the hits of one clause share: computed once per set of groups found. */
interface Summary {
  label: Bilingual;
  evidence: string;
  confidence: "code" | "keyword";
  code: number;
  strength: number;
  end: number;
  longest: number;
}

function summarise(parts: Live[]): Summary {
  const first = parts[0];
  let longest = 0;
  for (const p of parts) for (const w of p.words) if (w.length > longest) longest = w.length;
  return {
    label: first.g.label,
    evidence: evidenceOf(parts),
    confidence: parts.some((p) => p.code) ? "code" : "keyword",
    code: first.code ? 0 : 1,
    strength: first.strength,
    end: first.end,
    longest,
  };
}

function selectRules(packs: readonly PackId[], asOf: number | undefined): ProhibitedRule[] {
  const out: ProhibitedRule[] = [];
  for (const p of packs)
    for (const r of NEGATIVE_LISTS[p].rules)
      if (
        asOf === undefined ||
        (r.effective.from <= asOf && (r.effective.to === null || asOf <= r.effective.to))
      )
        out.push(r);
  return out;
}

export function createClassifier(options: ClassifierOptions = {}): Classifier {
  const packs: PackId[] =
    options.packs === undefined || options.packs === "ALL"
      ? [...NEGATIVE_LIST_IDS]
      : NEGATIVE_LIST_IDS.filter((p) => (options.packs as PackId[]).includes(p));
  const compiled = compile(options.custom);
  const rulesByCategory = new Map<
    ProhibitedCategory,
    { rule: ProhibitedRule; groups: Set<string> }[]
  >();
  for (const rule of selectRules(packs, options.asOf)) {
    const list = rulesByCategory.get(rule.category) ?? [];
    list.push({ rule, groups: new Set(rule.groups) });
    rulesByCategory.set(rule.category, list);
  }
  const packOrder = (p: PackId) => NEGATIVE_LIST_IDS.indexOf(p);
  const seen = newSeen();

  // an economic code's table entry, by its digits (a ledger has a handful of codes)
  const codes = new Map<string, CodeEntry | undefined>();
  function codeOf(digits: string): CodeEntry | undefined {
    if (codes.has(digits)) return codes.get(digits);
    const e = lookupEconCode(digits);
    if (codes.size < 1024) codes.set(digits, e);
    return e;
  }

  function classify(text: string, econCode?: string | number | null): ProhibitedHit[] {
    const norm = typeof text === "string" ? normalize(text) : "";
    const digits = econCodeDigits(econCode ?? null);
    const code = digits ? codeOf(digits) : undefined;
    if (norm === "" && !(code && code.strength === "strong")) return [];
    scan(compiled, norm, seen);
    if (seen.strong.size === 0 && seen.ctx.size === 0 && !(code && code.strength === "strong"))
      return [];
    const live = weigh(compiled, seen, code, digits);
    if (live.length === 0) return [];
    const byCategory = new Map<ProhibitedCategory, Live[]>();
    for (const l of live) {
      const list = byCategory.get(l.g.category);
      if (list) list.push(l);
      else byCategory.set(l.g.category, [l]);
    }
    const ranked: Ranked[] = [];
    for (const [category, found] of byCategory) {
      found.sort(
        (a, b) =>
          (a.code ? 0 : 1) - (b.code ? 0 : 1) ||
          a.strength - b.strength ||
          b.end - a.end ||
          a.g.order - b.g.order
      );
      let whole: Summary | null = null; // when a clause covers every group found (the usual case)
      const categoryOrder = CATEGORIES.indexOf(category);
      const bound = found.some((l) => l.clearedIn);
      for (const { rule: r, groups } of rulesByCategory.get(category) ?? []) {
        // a list-bound exception clears its groups under its own lists only
        const here = bound ? found.filter((l) => !l.clearedIn?.has(r.pack)) : found;
        let covered = 0;
        for (const l of here) if (l.g.custom || groups.has(l.g.id)) covered++;
        if (covered === 0) continue;
        const sum =
          covered === found.length
            ? (whole ??= summarise(found))
            : summarise(here.filter((l) => l.g.custom || groups.has(l.g.id)));
        ranked.push({
          hit: {
            category,
            rule: r.id,
            pack: r.pack,
            label: sum.label,
            evidence: sum.evidence,
            confidence: sum.confidence,
            citation: r.citation,
          },
          code: sum.code,
          strength: sum.strength,
          end: sum.end,
          longest: sum.longest,
          category: categoryOrder,
          pack: packOrder(r.pack),
        });
      }
    }
    if (ranked.length > 1) ranked.sort(byRank);
    return ranked.map((x) => x.hit);
  }

  return { classify, packs };
}

let defaults: Map<string, Classifier> | null = null;

/** Classifies with a cached default classifier (no office terms) for the packs given (default all). */
export function classify(
  text: string,
  econCode?: string | number | null,
  packs?: PackId[] | PackId | "ALL"
): ProhibitedHit[] {
  const list: PackId[] | "ALL" =
    packs === undefined || packs === "ALL" ? "ALL" : Array.isArray(packs) ? packs : [packs];
  const key = list === "ALL" ? "ALL" : NEGATIVE_LIST_IDS.filter((p) => list.includes(p)).join(",");
  defaults ??= new Map();
  let c = defaults.get(key);
  if (!c) {
    c = createClassifier({ packs: list });
    defaults.set(key, c);
  }
  return c.classify(text, econCode);
}
