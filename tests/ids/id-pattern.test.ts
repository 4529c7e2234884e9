/** The one id pattern (model.ts `ID_PATTERN`, `Id`): question, topic, section, concept and plan ids. */
import { describe, expect, it } from 'vitest';
import { ID_PATTERN, Id } from '../../src/ingest/model.ts';

describe('ID_PATTERN', () => {
  it('accepts lower-case Latin words and digits joined by single hyphens', () => {
    for (const id of ['a', 'fundamentals', 'batch-norm-2', '2024-plan', 'x1-y2-z3']) {
      expect(ID_PATTERN.test(id), id).toBe(true);
      expect(Id.safeParse(id).success, id).toBe(true);
    }
  });

  it('rejects anything else', () => {
    for (const id of ['', '-a', 'a-', 'a--b', 'A', 'batch_norm', 'batch norm', 'ё', 'a.b', 'a/b']) {
      expect(ID_PATTERN.test(id), id).toBe(false);
      expect(Id.safeParse(id).success, id).toBe(false);
    }
  });
});
