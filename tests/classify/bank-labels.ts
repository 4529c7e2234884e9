/**
 * Expected primary topics of the 109 questions of the numbered question bank
 * (content/sources/cv-ml-engineer-question-bank.txt), labelled by hand, by question number.
 */
export const BANK_LABELS: Record<number, string> = {
  1: 'fundamentals', 2: 'fundamentals', 3: 'fundamentals', 4: 'fundamentals', 5: 'transformers',
  6: 'fundamentals', 7: 'detection', 8: 'detection', 9: 'fundamentals', 10: 'classical-ml',
  11: 'fundamentals', 12: 'fundamentals', 13: 'fundamentals', 14: 'fundamentals', 15: 'fundamentals',
  16: 'transformers', 17: 'transformers', 18: 'detection', 19: 'detection', 20: 'transformers',
  21: 'transformers', 22: 'transformers', 23: 'fundamentals', 24: 'classical-ml', 25: 'fundamentals',
  26: 'fundamentals', 27: 'fundamentals', 28: 'fundamentals', 29: 'detection', 30: 'detection',
  31: 'classical-ml', 32: 'transformers', 33: 'classical-ml', 34: 'fundamentals', 35: 'fundamentals',
  36: 'fundamentals', 37: 'classical-ml', 38: 'classical-ml', 39: 'classical-ml', 40: 'classical-ml',
  41: 'classical-ml', 42: 'classical-ml', 43: 'classical-ml', 44: 'classical-ml', 45: 'classical-ml',
  46: 'classical-ml', 47: 'classical-ml', 48: 'classical-ml', 49: 'classical-ml', 50: 'classical-ml',
  51: 'classical-ml', 52: 'classical-ml', 53: 'classical-ml', 54: 'classical-ml', 55: 'classical-ml',
  56: 'transformers', 57: 'fundamentals', 58: 'fundamentals', 59: 'fundamentals', 60: 'detection',
  61: 'detection', 62: 'transformers', 63: 'transformers', 64: 'transformers', 65: 'transformers',
  66: 'fundamentals', 67: 'fundamentals', 68: 'fundamentals', 69: 'fundamentals', 70: 'fundamentals',
  71: 'transformers', 72: 'transformers', 73: 'transformers', 74: 'transformers', 75: 'detection',
  76: 'detection', 77: 'detection', 78: 'detection', 79: 'classical-ml', 80: 'classical-ml',
  81: 'classical-ml', 82: 'classical-ml', 83: 'classical-ml', 84: 'fundamentals', 85: 'classical-ml',
  86: 'python-sql', 87: 'python-sql', 88: 'python-sql', 89: 'python-sql', 90: 'python-sql',
  91: 'python-sql', 92: 'python-sql', 93: 'fundamentals', 94: 'python-sql', 95: 'python-sql',
  96: 'python-sql', 97: 'fundamentals', 98: 'diffusion', 99: 'diffusion', 100: 'diffusion',
  101: 'diffusion', 102: 'diffusion', 103: 'diffusion', 104: 'diffusion', 105: 'diffusion',
  106: 'diffusion', 107: 'diffusion', 108: 'diffusion', 109: 'diffusion',
};
