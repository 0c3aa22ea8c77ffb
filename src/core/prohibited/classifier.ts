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
  PACK_IDS,
  PACKS,
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
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface Compiled {
  literal: RegExp;
  pattern: RegExp | null;
  patterns: { re: RegExp; tok: Token }[];
  words: Map<string, Token[]>;
  maxWord: number;
  minWord: number;
  groups: Map<Gid, GroupInfo>;
  /** Which groups each CLEARING entry clears decisively. */
  clearsStrong: Set<Gid>[];
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
  for (const ct of custom?.terms ?? []) {
    if (ct.kind === "exception") addWord(ct.term, { t: "except", c: ct.category });
    else if (ct.category !== "ALL") addWord(ct.term, { t: "strong", g: `${ct.category}.custom` });
  }

  const list = [...words.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  let maxWord = 0;
  let minWord = Infinity;
  for (const w of list) {
    maxWord = Math.max(maxWord, w.length);
    minWord = Math.min(minWord, w.length);
  }
  return {
    literal: new RegExp(list.map(escapeRe).join("|"), "g"),
    pattern: patterns.length
      ? new RegExp(patterns.map((p) => `(?:${p.src})`).join("|"), "g")
      : null,
    patterns,
    words,
    maxWord,
    minWord,
    groups,
    clearsStrong,
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
    case "clear":
      if (s.soft === null) s.soft = word;
      for (const g of c.clearsStrong[tok.i]) s.cleared.add(g);
      break;
    case "except":
      s.except.add(tok.c);
      break;
  }
}

function scan(c: Compiled, text: string): Seen {
  const s: Seen = {
    strong: new Map(),
    ctx: new Map(),
    actors: new Map(),
    soft: null,
    cleared: new Set(),
    except: new Set(),
  };
  const lit = c.literal;
  lit.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = lit.exec(text)) !== null) {
    const w = m[0];
    const at = m.index;
    // the alternation gives the longest word at this position; shorter words starting here too
    for (let len = w.length; len >= c.minWord; len--) {
      const sub = len === w.length ? w : w.slice(0, len);
      const toks = c.words.get(sub);
      if (toks) for (const tok of toks) note(s, c, tok, sub, at);
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
}

function weigh(c: Compiled, s: Seen, code: CodeEntry | undefined, digits: string | null): Live[] {
  const live = new Map<Gid, Live>();
  const excepted = (cat: ProhibitedCategory) => s.except.has(cat) || s.except.has("ALL");
  for (const [gid, e] of s.strong) {
    const g = c.groups.get(gid)!;
    if (excepted(g.category) || s.cleared.has(gid)) continue;
    live.set(gid, { g, words: e.words, strength: 0, code: null, end: e.end });
  }
  const codeCat = code && code.group ? c.groups.get(code.group)!.category : null;
  for (const [gid, e] of s.ctx) {
    const g = c.groups.get(gid)!;
    if (excepted(g.category) || s.soft !== null || live.has(gid)) continue;
    let actor: string | undefined;
    for (const a of g.actors) actor ??= s.actors.get(a);
    // a code of the same category speaks for the spender (302xx + 电费 is the office's bill)
    if (actor === undefined && codeCat !== g.category) continue;
    const words = actor === undefined ? e.words : e.words.map((w) => `${w}（${actor}）`);
    live.set(gid, { g, words, strength: 1, code: null, end: e.end });
  }
  if (code && code.group && digits) {
    const g = c.groups.get(code.group)!;
    const ev = `经济分类 ${digits} ${code.name}`;
    if (!excepted(g.category)) {
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
  for (const p of parts)
    for (const w of p.words) words.push(p.g.id.endsWith(".custom") ? `${w}（本单位清单）` : w);
  const text = words.join("、");
  return code ? (text ? `${code}；${text}` : code) : text;
}

interface Ranked {
  hit: ProhibitedHit;
  key: number[];
}

function selectRules(packs: readonly PackId[], asOf: number | undefined): ProhibitedRule[] {
  const out: ProhibitedRule[] = [];
  for (const p of packs)
    for (const r of PACKS[p].rules)
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
      ? [...PACK_IDS]
      : PACK_IDS.filter((p) => (options.packs as PackId[]).includes(p));
  const compiled = compile(options.custom);
  const rules = selectRules(packs, options.asOf);
  const packOrder = (p: PackId) => PACK_IDS.indexOf(p);

  function classify(text: string, econCode?: string | number | null): ProhibitedHit[] {
    const norm = typeof text === "string" ? normalize(text) : "";
    const digits = econCodeDigits(econCode ?? null);
    const code = digits ? lookupEconCode(digits) : undefined;
    if (norm === "" && !(code && code.strength === "strong")) return [];
    const seen = scan(compiled, norm);
    if (seen.strong.size === 0 && seen.ctx.size === 0 && !(code && code.strength === "strong"))
      return [];
    const live = weigh(compiled, seen, code, digits);
    if (live.length === 0) return [];
    const ranked: Ranked[] = [];
    for (const r of rules) {
      const parts = live.filter(
        (l) =>
          l.g.category === r.category &&
          (l.g.id.endsWith(".custom") || (r.groups as readonly string[]).includes(l.g.id))
      );
      if (parts.length === 0) continue;
      parts.sort(
        (a, b) =>
          (a.code ? 0 : 1) - (b.code ? 0 : 1) ||
          a.strength - b.strength ||
          b.end - a.end ||
          a.g.order - b.g.order
      );
      const first = parts[0];
      const longest = Math.max(0, ...parts.flatMap((p) => p.words.map((w) => w.length)));
      ranked.push({
        hit: {
          category: r.category,
          rule: r.id,
          pack: r.pack,
          label: first.g.label,
          evidence: evidenceOf(parts),
          confidence: parts.some((p) => p.code) ? "code" : "keyword",
          citation: r.citation,
        },
        key: [
          first.code ? 0 : 1,
          first.strength,
          -first.end,
          -longest,
          CATEGORIES.indexOf(r.category),
          packOrder(r.pack),
        ],
      });
    }
    ranked.sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
      return 0;
    });
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
  const key = list === "ALL" ? "ALL" : PACK_IDS.filter((p) => list.includes(p)).join(",");
  defaults ??= new Map();
  let c = defaults.get(key);
  if (!c) {
    c = createClassifier({ packs: list });
    defaults.set(key, c);
  }
  return c.classify(text, econCode);
}
