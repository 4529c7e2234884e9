import { describe, expect, it } from 'vitest';
import {
  classifyCodeLine,
  codeBlock,
  findCodeRuns,
  isExpression,
  restoreIndentation,
  stripComment,
} from '../../src/ingest/repair/code-blocks.ts';

describe('classifyCodeLine', () => {
  it.each([
    'def predict_with_uncertainty(model, x, n_samples=100):',
    'model.train() # Enable dropout at inference!',
    'predictions = []',
    'for _ in range(n_samples):',
    'predictions.append(pred)',
    'mean, var = model(x) # Model outputs mean and variance',
    'predictions = [model(x) for _ in range(n_samples)]',
    'return mean, std',
    'import torch.nn as nn',
    'from torch import nn',
    'x += 1',
    'else:',
    'with torch.no_grad():',
  ])('reads %s as a statement', (line) => {
    expect(classifyCodeLine(line)).toBe('statement');
  });

  it.each([
    'Why model.train(): Need dropout active during inference.',
    'In PyTorch: model.eval() switches to running stats.',
    'Prediction = average over weight posterior',
    'Network = single neuron',
    'Code pattern:',
    'for example: this is prose',
    'return the value to the caller',
    'x = значение',
    'Pros: Easy to implement',
    '',
  ])('reads %s as prose', (line) => {
    expect(classifyCodeLine(line)).toBeNull();
  });

  it('reads # lines as comments', () => {
    expect(classifyCodeLine('# Epistemic: MC Dropout / Deep Ensemble')).toBe('comment');
    expect(classifyCodeLine('#')).toBe('comment');
  });
});

describe('findCodeRuns', () => {
  it('finds runs with at least two statements, comments included', () => {
    const lines = ['Code pattern:', '# Epistemic', 'a = f(x)', 'b = g(a) # note', 'Done here.', 'x = 1', 'More prose.'];
    expect(findCodeRuns(lines)).toEqual([[1, 3]]);
  });

  it('ignores a comment-only run', () => {
    expect(findCodeRuns(['# one', '# two', 'a = f(x)'])).toEqual([]);
  });
});

describe('restoreIndentation', () => {
  it('restores the MC Dropout snippet: def body, for body closed by the accumulated result', () => {
    const flat = [
      'def predict_with_uncertainty(model, x, n_samples=100):',
      'model.train() # Enable dropout at inference!',
      'predictions = []',
      'for _ in range(n_samples):',
      'pred = model(x)',
      'predictions.append(pred)',
      'predictions = torch.stack(predictions)',
      'mean = predictions.mean(dim=0)',
      'std = predictions.std(dim=0) # Uncertainty',
      'return mean, std',
    ];
    expect(restoreIndentation(flat)).toEqual([
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
  });

  it('closes blocks at return and reopens at else', () => {
    expect(restoreIndentation(['def f(x):', 'if x:', 'y = 1', 'else:', 'y = 2', 'return y'])).toEqual([
      'def f(x):',
      '    if x:',
      '        y = 1',
      '    else:',
      '        y = 2',
      '    return y',
    ]);
  });

  it('starts a new top-level def and keeps methods inside a class', () => {
    expect(restoreIndentation(['class A:', 'def f(self):', 'return 1', 'def g(self):', 'return 2'])).toEqual([
      'class A:',
      '    def f(self):',
      '        return 1',
      '    def g(self):',
      '        return 2',
    ]);
    expect(restoreIndentation(['def f():', 'return 1', 'def g():', 'return 2'])).toEqual([
      'def f():',
      '    return 1',
      'def g():',
      '    return 2',
    ]);
  });

  it('closes nested loops when the accumulator is used', () => {
    expect(restoreIndentation(['for a in xs:', 'for b in ys:', 'out.append(a * b)', 'print(out)'])).toEqual([
      'for a in xs:',
      '    for b in ys:',
      '        out.append(a * b)',
      'print(out)',
    ]);
  });

  it('keeps flush-left statements without openers and already indented snippets', () => {
    expect(restoreIndentation(['a = f(x)', 'b = g(a)'])).toEqual(['a = f(x)', 'b = g(a)']);
    expect(restoreIndentation(['def f():', '  return 1  '])).toEqual(['def f():', '  return 1']);
  });

  it('fences as python', () => {
    expect(codeBlock(['a = f(x)', 'b = g(a)'])).toEqual({ type: 'code', lang: 'python', value: 'a = f(x)\nb = g(a)' });
  });
});

describe('helpers', () => {
  it('strips comments but not # inside strings', () => {
    expect(stripComment('x = 1 # one')).toBe('x = 1');
    expect(stripComment('s = "a # b" # c')).toBe('s = "a # b"');
  });

  it('tells expressions from prose', () => {
    expect(isExpression('[model(x) for _ in range(n)]')).toBe(true);
    expect(isExpression('a if b else c')).toBe(true);
    expect(isExpression('average over weight posterior')).toBe(false);
    expect(isExpression('f(x')).toBe(false);
    expect(isExpression('done.')).toBe(false);
  });
});
