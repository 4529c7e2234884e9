import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Content } from '../../src/ingest/model.ts';
import { qaNotes, questionTitle } from '../../src/ingest/formats/qa-notes.ts';
import { ParseError, type RawItem } from '../../src/ingest/formats/types.ts';
import { mask } from '../../src/ingest/repair/masked-math.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/qa-notes', name), 'utf8');
const REAL_FILE = 'dl-interview-fundamentals-notes.txt';
const real = readFileSync(join(ROOT, 'content/sources', REAL_FILE), 'utf8');

type AnyNode = { type: string; value?: string; children?: AnyNode[]; title?: AnyNode[] };

/** All nodes of a tree, caution titles included. */
function nodes(tree: AnyNode): AnyNode[] {
  return [tree, ...[...(tree.title ?? []), ...(tree.children ?? [])].flatMap(nodes)];
}
const allNodes = (item: RawItem) => (item.answer?.detailed ? nodes(item.answer.detailed as AnyNode) : []);
const find = (items: RawItem[], title: string) => {
  const item = items.find((i) => i.title === title);
  if (!item) throw new Error(`no item "${title}"`);
  return item;
};

function expectParseError(text: string, line: number, message: RegExp) {
  try {
    qaNotes.parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).line).toBe(line);
    expect((error as ParseError).message).toMatch(message);
    return;
  }
  throw new Error('expected a ParseError');
}

describe('qaNotes.detect', () => {
  it('recognises the notes page and the fixtures', () => {
    expect(qaNotes.detect(real)).toBe(true);
    for (const f of ['good.txt', 'q-without-a.txt', 'a-before-q.txt', 'double-a.txt'])
      expect(qaNotes.detect(fixture(f))).toBe(true);
  });

  it('rejects every other shipped source', () => {
    const others = readdirSync(join(ROOT, 'content/sources')).filter((f) => f !== REAL_FILE);
    expect(others.length).toBeGreaterThan(0);
    for (const f of others)
      expect(qaNotes.detect(readFileSync(join(ROOT, 'content/sources', f), 'utf8')), f).toBe(false);
  });

  it('rejects Q:/A: pairs inside other formats and text without pairs', () => {
    expect(qaNotes.detect('Короткий ответ\nQ: x\nA: y')).toBe(false);
    expect(qaNotes.detect('# Bank\n### Вопрос 1: x\nQ: x\nA: y')).toBe(false);
    expect(qaNotes.detect('Q: only questions\nQ: here')).toBe(false);
    expect(qaNotes.detect('# Bank\n1. Q: what\n2. A: that')).toBe(false);
    expect(qaNotes.detect('')).toBe(false);
  });
});

describe('qaNotes.parse: fixtures', () => {
  const result = qaNotes.parse(fixture('good.txt'));

  it('reads meta and gives every line a fate', () => {
    expect(result.meta).toEqual({
      title: 'ML Notes: Basics',
      description: 'Short page about losses and code. Covers \\(L_2\\) too.',
    });
    expect(result.fates).toHaveLength(31);
    expect(result.fates.slice(0, 6)).toEqual(['kept', 'debris', 'debris', 'kept', 'blank', 'kept']);
    expect(result.fates.filter((f) => f === 'blank')).toHaveLength(2);
    expect(result.fates).not.toContain('unplaced');
    expect(result.warnings).toEqual([]);
  });

  it('builds one item per Q: with section, span and plain title', () => {
    expect(result.items.map((i) => [i.title, i.section, i.lines])).toEqual([
      ['What does L = (y - \\hat{y})^2 measure?', 'Losses', [7, 9]],
      ['KL divergence table', 'Losses', [11, 17]],
      ['Sum with a loop', 'Code', [19, 31]],
    ]);
    expect(result.items[0].prompt).toEqual({
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'What does ' },
            { type: 'inlineMath', value: 'L = (y - \\hat{y})^2' },
            { type: 'text', value: ' measure?' },
          ],
        },
      ],
    });
    expect(result.items[1].prompt).toBeUndefined();
    for (const item of result.items) expect(item.followUps).toEqual([]);
  });

  it('repairs the answers', () => {
    const [first, second, third] = result.items.map((i) => i.answer!.detailed!.children.map((b) => b.type));
    expect(first).toEqual(['paragraph', 'paragraph', 'list']);
    expect(second).toEqual(['table', 'paragraph', 'list']);
    expect(third).toEqual(['paragraph', 'code', 'paragraph', 'math', 'caution', 'paragraph', 'paragraph']);
    const code = result.items[2].answer!.detailed!.children[1];
    expect(code).toEqual({
      type: 'code',
      lang: 'python',
      value:
        'def total(xs):\n    acc = []\n    for x in xs:\n        acc.append(x)\n    result = sum(acc)\n    return result',
    });
    const list = allNodes(result.items[0]).filter((n) => n.type === 'listItem');
    expect(
      list.map((n) =>
        nodes(n)
          .map((c) => c.value ?? '')
          .join(''),
      ),
    ).toEqual(['Outliers', 'Bad features -- or none at all']);
    for (const item of result.items) expect(Content.safeParse(item.answer!.detailed).success).toBe(true);
  });

  it('throws ParseError for a Q: without an A:', () => {
    expectParseError(fixture('q-without-a.txt'), 5, /Q: without an A:/);
    expectParseError(fixture('q-at-end.txt'), 4, /Q: without an A:/);
  });

  it('throws ParseError for an A: without a Q:', () => {
    expectParseError(fixture('a-before-q.txt'), 3, /A: without a preceding Q:/);
    expectParseError(fixture('double-a.txt'), 4, /A: without a preceding Q:/);
  });

  it('marks text under a heading before the first Q: as unplaced', () => {
    const r = qaNotes.parse(fixture('unplaced.txt'));
    expect(r.fates).toEqual(['kept', 'kept', 'kept', 'unplaced', 'kept', 'kept']);
    expect(r.meta).toEqual({ title: 'Notes', description: 'Intro line one.' });
    expect(r.items).toHaveLength(1);
  });

  it('warns about an empty answer and keeps the item without one', () => {
    const r = qaNotes.parse('Notes¶\nQ: One?¶\nA:\nQ: Two?¶\nA: Yes.\n');
    expect(r.fates).toHaveLength(5);
    expect(r.items[0]).toMatchObject({ title: 'One?', lines: [2, 3] });
    expect(r.items[0].answer).toBeUndefined();
    expect(r.warnings).toEqual([{ line: 3, message: 'A: without answer text' }]);
  });
});

describe('qaNotes.parse: the real notes page', () => {
  const result = qaNotes.parse(real);
  const lineCount = real.split('\n').length - (real.endsWith('\n') ? 1 : 0);

  it('accounts for every line with nothing unplaced', () => {
    expect(result.fates).toHaveLength(lineCount);
    expect(result.fates).not.toContain('unplaced');
    expect(result.fates.filter((f) => f === 'debris')).toHaveLength(2);
    expect(result.meta.title).toBe('DL Interview: Основы');
    expect(result.meta.description).toMatch(/^Bayesian Neural Networks, Loss Functions/);
    expect(result.warnings).toEqual([]);
  });

  it('finds all 20 questions in their sections', () => {
    expect(result.items).toHaveLength(20);
    expect(result.items[0]).toMatchObject({ title: 'Зачем нужны Bayesian Neural Networks?', lines: [6, 9] });
    expect(result.items.at(-1)).toMatchObject({
      title: 'Почему RMSNorm работает для LLMs?',
      section: 'Normalization',
      lines: [144, 148],
    });
    expect([...new Set(result.items.map((i) => i.section))]).toEqual([
      'Bayesian Neural Networks & Uncertainty',
      'Loss Functions',
      'Backpropagation',
      'Optimizers',
      'Weight Initialization',
      'Normalization',
    ]);
    const backprop = find(result.items, 'Объясните backprop на примере f(x,y,z) = (x+y)z');
    expect(backprop.prompt).toBeDefined();
    for (const item of result.items) {
      expect(item.title).not.toMatch(/¶|\\\(|^Q:/);
      expect(item.answer?.detailed, item.title).toBeDefined();
      expect(Content.safeParse(item.answer!.detailed).success, item.title).toBe(true);
    }
  });

  it('keeps tables, math as math nodes, and no math delimiters in text', () => {
    const all = result.items.flatMap(allNodes);
    expect(all.filter((n) => n.type === 'table')).toHaveLength(5);
    expect(all.filter((n) => n.type === 'math')).toHaveLength(9);
    expect(all.filter((n) => n.type === 'inlineMath').length).toBeGreaterThan(30);
    const texts = all.filter((n) => n.type === 'text').map((n) => n.value!);
    for (const t of texts) expect(t).not.toMatch(/\\\(|\\\)|\$\\\(|\\\[|\$\$/);
    const kl = find(result.items, 'Variational Inference в BNN -- как работает?');
    expect(allNodes(kl).some((n) => n.type === 'math' && n.value!.includes('D_{KL}(q(w) \\| P(w))'))).toBe(true);
    const contrastive = allNodes(find(result.items, 'Contrastive Loss vs Triplet Loss'));
    expect(contrastive.filter((n) => n.type === 'tableCell' && n.children?.[0]?.type === 'inlineMath')).toHaveLength(2);
  });

  it('fences and indents the MC Dropout snippet, and fences the code pattern', () => {
    const mc = allNodes(find(result.items, 'MC Dropout для uncertainty estimation')).filter((n) => n.type === 'code');
    expect(mc).toHaveLength(1);
    expect(mc[0].value!.split('\n')).toEqual([
      'def predict_with_uncertainty(model, x, n_samples=100):',
      '    model.train() # Enable dropout at inference!',
      '    predictions = []',
      '    for _ in range(n_samples):',
      '        pred = model(x)',
      '        predictions.append(pred)',
      '    predictions = torch.stack(predictions)',
      '    mean = predictions.mean(dim=0)',
      '    std = predictions.std(dim=0) # Uncertainty',
      '    return mean, std',
    ]);
    const pattern = allNodes(find(result.items, 'Epistemic vs Aleatoric Uncertainty')).filter((n) => n.type === 'code');
    expect(pattern.map((n) => n.value!.split('\n').length)).toEqual([6]);
    expect(result.items.flatMap(allNodes).filter((n) => n.type === 'code')).toHaveLength(2);
  });

  it('turns the misconceptions into caution nodes', () => {
    const cautions = result.items.flatMap(allNodes).filter((n) => n.type === 'caution');
    expect(
      cautions.map((c) =>
        nodes({ type: 'x', children: c.title })
          .map((n) => n.value ?? '')
          .join(''),
      ),
    ).toEqual(['Label Smoothing всегда улучшает модель', 'Vanishing gradient решается только ReLU']);
    for (const c of cautions) expect(c.children?.map((n) => n.type)).toEqual(['paragraph']);
  });

  it('splits flattened lists', () => {
    const lists = result.items.flatMap(allNodes).filter((n) => n.type === 'list');
    expect(lists).toHaveLength(17);
    const vanishing = allNodes(find(result.items, 'Vanishing gradients в deep networks -- решение?')).filter(
      (n) => n.type === 'list',
    );
    expect(vanishing.map((l) => l.children!.length)).toEqual([2, 4]);
  });

  it('preserves the source wording: only list markers, labels and delimiters go', () => {
    const lines = real.split('\n');
    const LABELS = /^(?:A:|Заблуждение:|\|(?:-+\|)*)$/;
    const squash = (s: string) => s.replace(/\s+/g, '');
    for (const item of result.items) {
      // Drop markers outside math only (a ` - ` inside a formula is a minus), then compare
      // without whitespace: node boundaries and code indentation may move spaces.
      const expected = lines.slice(item.lines[0], item.lines[1]).map((line) => {
        const { text, math } = mask(line);
        const bullets = /:\s-\s/.test(text);
        const numbers = /:\s1\.\s/.test(text);
        const removed = (t: string) => LABELS.test(t) || (bullets && t === '-') || (numbers && /^\d+\.$/.test(t));
        const kept = text
          .split(/\s+/)
          .filter((t) => t !== '' && !removed(t))
          .join('');
        return kept.replace(/\uE000(\d+)\uE001/g, (_, i: string) => squash(math[Number(i)].value));
      });
      const produced: string[] = [];
      const walk = (n: AnyNode) => {
        if (typeof n.value === 'string') produced.push(squash(n.value));
        for (const c of [...(n.title ?? []), ...(n.children ?? [])]) walk(c);
      };
      walk(item.answer!.detailed as AnyNode);
      expect(produced.join(''), item.title).toBe(expected.join(''));
    }
  });
});

describe('questionTitle', () => {
  it('drops the pilcrow and math delimiters but keeps the TeX', () => {
    expect(questionTitle('Объясните backprop на примере \\(f(x,y,z) = (x+y)z\\)¶')).toBe(
      'Объясните backprop на примере f(x,y,z) = (x+y)z',
    );
  });
});
