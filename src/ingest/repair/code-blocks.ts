/**
 * Python code that lost its fence and its indentation.
 *
 * Scraping turns a fenced snippet into plain lines, every line flush left. Runs of lines that
 * look like Python (definitions, loops, `return`, imports, assignments and calls with
 * expression-like right-hand sides, `#` comments) are found and fenced as `code` with lang
 * `python`; a run needs at least two statements, so a lone `x = 1` in prose stays text.
 *
 * Indentation is restored by a documented heuristic, applied only when every line of the run
 * is flush left (an already indented snippet is kept as is):
 * - a block opener (`def`, `for`, `if`, `with`, …, ending with `:`) indents the lines after it;
 * - `elif`/`else`/`except`/`finally` close blocks up to their opener and reopen at its level;
 * - `return` closes blocks up to the body of the innermost `def`;
 * - a name a loop body mutates (`acc.append(…)`, `acc += …`, `acc[i] = …`) is the loop's
 *   accumulated result: the first later line that uses it otherwise (`torch.stack(acc)`)
 *   ends the loop body;
 * - a new `def`/decorator closes blocks up to the enclosing `class` (or the top level), a
 *   new `class` closes all;
 * - anything else stays in the current block, i.e. when unsure a line stays in the innermost
 *   open block up to the end of the run.
 */
import type { Code } from 'mdast';

const INDENT = '    ';
/** Cyrillic letters: prose, never Python code. */
const CYRILLIC = /[\u0400-\u04FF]/;
const KEYWORDS = new Set([
  'in',
  'not',
  'and',
  'or',
  'is',
  'if',
  'else',
  'for',
  'lambda',
  'await',
  'None',
  'True',
  'False',
]);
const ASSIGNMENT =
  /^([A-Za-z_][\w.]*(?:\[[^\]]*\])?(?:\s*,\s*[A-Za-z_][\w.]*(?:\[[^\]]*\])?)*)\s*(?:\+|-|\*|\/|\/\/|%|\*\*|@|\||&)?=(?!=)\s*(.+)$/;
const CALL = /^[A-Za-z_][\w.]*\(.*\)$/;
const SIMPLE = /^(?:return|yield|raise|assert|del)(?:\s+(.+))?$/;
const IMPORT =
  /^(?:import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*|from\s+[\w.]+\s+import\s+[\w*, ]+)$/;
const OPENER =
  /^(?:(?:async\s+)?def\s+\w+\s*\(.*\)(?:\s*->\s*.+)?|class\s+\w+(?:\(.*\))?|(?:async\s+)?for\s+.+\s+in\s+.+|while\s+.+|if\s+.+|elif\s+.+|else|try|except(?:\s+.+)?|finally|(?:async\s+)?with\s+.+)\s*:$/;

export type CodeLineKind = 'statement' | 'comment';

/** Classifies one line as a Python statement, a Python comment, or neither (null). */
export function classifyCodeLine(raw: string): CodeLineKind | null {
  const line = raw.trim();
  if (/^#(?:\s|$)/.test(line)) return 'comment';
  // Prose: Cyrillic with no `#` that could start a comment (stripComment would keep it all).
  if (!line.includes('#') && CYRILLIC.test(line)) return null;
  const code = stripComment(line);
  if (code === '' || CYRILLIC.test(code)) return null;
  if (OPENER.test(code)) return 'statement';
  if (/^(?:pass|break|continue)$/.test(code) || IMPORT.test(code)) return 'statement';
  if (/^@[\w.]+(?:\(.*\))?$/.test(code)) return 'statement';
  const simple = SIMPLE.exec(code);
  if (simple) return simple[1] === undefined || isExpression(simple[1]) ? 'statement' : null;
  const assign = ASSIGNMENT.exec(code);
  if (assign) return isExpression(assign[2]) ? 'statement' : null;
  if (CALL.test(code) && isExpression(code)) return 'statement';
  return null;
}

/**
 * Inclusive index ranges of code runs: consecutive code lines with at least two statements.
 * @param kinds classifyCodeLine of each line, when the caller has them already.
 */
export function findCodeRuns(
  lines: readonly string[],
  kinds: readonly (CodeLineKind | null)[] = lines.map(classifyCodeLine),
): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < lines.length) {
    if (kinds[i] === null) {
      i++;
      continue;
    }
    let j = i;
    let statements = 0;
    while (j < lines.length) {
      const kind = kinds[j];
      if (kind === null) break;
      if (kind === 'statement') statements++;
      j++;
    }
    if (statements >= 2) runs.push([i, j - 1]);
    i = j;
  }
  return runs;
}

interface Frame {
  kind: string;
  /** Names the block's body mutated (loops only). */
  accumulators: Set<string>;
  bodyLines: number;
}

/** Restores the indentation of a flush-left Python snippet (see the module comment). */
export function restoreIndentation(lines: readonly string[]): string[] {
  const trimmed = lines.map((l) => l.trimEnd());
  if (trimmed.some((l) => /^\s/.test(l))) return trimmed;
  const frames: Frame[] = [];
  const closeUntil = (kinds: string[]) => {
    const at = frames.findLastIndex((f) => kinds.includes(f.kind));
    if (at >= 0) frames.length = at + 1;
    return at >= 0;
  };
  const out: string[] = [];
  for (const line of trimmed) {
    const code = stripComment(line);
    const keyword = /^(?:async\s+)?(\w+)/.exec(code)?.[1] ?? '';
    let depth: number | undefined;
    if (keyword === 'class') frames.length = 0;
    else if (keyword === 'def' || code.startsWith('@')) {
      if (!closeUntil(['class'])) frames.length = 0;
    } else if (['elif', 'else', 'except', 'finally'].includes(keyword) && code.endsWith(':')) {
      const openers = keyword === 'elif' ? ['if'] : keyword === 'else' ? ['if', 'for', 'while', 'try'] : ['try'];
      if (closeUntil(openers)) {
        const frame = frames.pop()!;
        depth = frames.length;
        out.push(INDENT.repeat(depth) + line);
        frames.push({ kind: frame.kind, accumulators: frame.accumulators, bodyLines: 0 });
        continue;
      }
    } else if (keyword === 'return') closeUntil(['def']);
    else closeFinishedLoops(frames, code);
    depth = frames.length;
    out.push(INDENT.repeat(depth) + line);
    if (frames.length > 0) frames[frames.length - 1].bodyLines++;
    const mutated = mutatedName(code);
    if (mutated) for (const f of frames) if (f.kind === 'for' || f.kind === 'while') f.accumulators.add(mutated);
    if (code.endsWith(':') && OPENER.test(code)) frames.push({ kind: keyword, accumulators: new Set(), bodyLines: 0 });
  }
  return out;
}

/** Pops loops whose accumulated result `code` uses (other than by mutating it again). */
function closeFinishedLoops(frames: Frame[], code: string): void {
  while (frames.length > 0) {
    const top = frames[frames.length - 1];
    if (top.bodyLines === 0 || top.accumulators.size === 0) return;
    const uses = [...top.accumulators].some(
      (name) => new RegExp(`(?<![\\w.])${escape(name)}(?!\\w)`).test(code) && mutatedName(code) !== name,
    );
    if (!uses) return;
    frames.pop();
  }
}

/** The name a statement mutates in place: `acc.append(…)`, `acc += …`, `acc[k] = …`. */
function mutatedName(code: string): string | null {
  const m =
    /^([A-Za-z_][\w.]*)\.(?:append|extend|add|update|insert)\(/.exec(code) ??
    /^([A-Za-z_][\w.]*)\s*(?:\+|-|\*|\/|\|)=/.exec(code) ??
    /^([A-Za-z_][\w.]*)\[[^\]]*\]\s*=(?!=)/.exec(code);
  return m ? m[1] : null;
}

/** A fenced Python code block with restored indentation. */
export function codeBlock(lines: readonly string[]): Code {
  return { type: 'code', lang: 'python', value: restoreIndentation(lines).join('\n') };
}

/** The line without a trailing `# comment` (a `#` inside a string literal is kept). */
export function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i).trimEnd();
  }
  return line.trimEnd();
}

/**
 * True when `s` reads as a Python expression rather than prose: no Cyrillic, balanced
 * brackets, no sentence punctuation, and no two bare words side by side outside brackets
 * (`average over weight` is prose; `x if c else y` is not, thanks to the keywords).
 */
export function isExpression(s: string): boolean {
  if (CYRILLIC.test(s)) return false;
  let top = s.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, '0');
  for (let prev = ''; prev !== top;) {
    prev = top;
    top = top.replace(/\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\}/g, '0');
  }
  if (/[()[\]{}?]|\.$|\s--\s/.test(top)) return false;
  const tokens = top.match(/[A-Za-z_][\w.]*|\d[\w.]*|\S/g) ?? [];
  for (let i = 1; i < tokens.length; i++) {
    const [a, b] = [tokens[i - 1], tokens[i]];
    if (/^[A-Za-z_]/.test(a) && /^[A-Za-z_]/.test(b) && !KEYWORDS.has(a) && !KEYWORDS.has(b)) return false;
  }
  return tokens.length > 0;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
