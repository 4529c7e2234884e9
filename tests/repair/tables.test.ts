import { describe, expect, it } from 'vitest';
import { Content } from '../../src/ingest/model.ts';
import { root } from '../../src/ingest/mdast.ts';
import { isTableRow, readTable } from '../../src/ingest/repair/tables.ts';

const cellValues = (lines: string[]) =>
  readTable(lines, 0)!.table.children.map((r) =>
    r.children.map((c) => c.children.map((n) => `${n.type}:${'value' in n ? n.value : ''}`)),
  );

describe('readTable', () => {
  it('reads header, separator and body rows', () => {
    const lines = [
      '| Type | Source |',
      '|---|---|',
      '| Epistemic | Model ignorance |',
      '| Aleatoric | Data noise |',
      'After',
    ];
    const read = readTable(lines, 0)!;
    expect(read.end).toBe(3);
    expect(read.ragged).toEqual([]);
    expect(read.table.align).toEqual([null, null]);
    expect(cellValues(lines)).toEqual([
      [['text:Type'], ['text:Source']],
      [['text:Epistemic'], ['text:Model ignorance']],
      [['text:Aleatoric'], ['text:Data noise']],
    ]);
    expect(Content.safeParse(root([read.table])).success).toBe(true);
  });

  it('does not split cells on a pipe inside math, and turns math into inlineMath', () => {
    const lines = ['| A | B |', '|---|---|', '| \\(D_{KL}(q(w) \\| P(w))\\) | \\(|z|\\) |'];
    expect(cellValues(lines)[1]).toEqual([['inlineMath:D_{KL}(q(w) \\| P(w))'], ['inlineMath:|z|']]);
  });

  it('treats an escaped pipe outside math as a literal pipe', () => {
    expect(cellValues(['| a \\| b | c |', '|---|---|'])[0]).toEqual([['text:a | b'], ['text:c']]);
  });

  it('reads alignment from the separator', () => {
    expect(readTable(['| a | b | c | d |', '|:---|---:|:-:|---|'], 0)!.table.align).toEqual([
      'left',
      'right',
      'center',
      null,
    ]);
  });

  it('pads short rows and reports ragged ones', () => {
    const read = readTable(['| a | b |', '|---|---|', '| only |', '| x | y | z |'], 0)!;
    expect(read.ragged).toEqual([2, 3]);
    expect(read.table.children[1].children).toHaveLength(2);
    expect(read.table.children[2].children).toHaveLength(3);
  });

  it('needs a separator line', () => {
    expect(readTable(['| a | b |', '| c | d |'], 0)).toBeNull();
    expect(readTable(['| a | b |'], 0)).toBeNull();
    expect(readTable(['text', '|---|'], 0)).toBeNull();
  });

  it('recognises row lines', () => {
    expect(isTableRow('| a |')).toBe(true);
    expect(isTableRow('a | b')).toBe(false);
    expect(isTableRow('|')).toBe(false);
  });
});
