/**
 * Deterministic synthetic sources for the scaling benchmark.
 *
 * `generateSources(total, seed)` writes `total` questions spread over files in all four source
 * formats, mirroring the real files in content/sources/:
 * - practice pages (~20%, files of ~20 items): variant A, a company page with a glued header,
 *   counters and steps `1Вопрос7 мин`; variant B, a topic set with each title written twice;
 * - numbered question banks (~30%, files of at most 500 questions);
 * - Q:/A: notes pages (~30%, files of ~50 questions in sections) with `¶`, inline `\( \)` and
 *   display `$\( \)$` math, pipe tables, flattened lists, unfenced Python and
 *   `Заблуждение:` notes;
 * - interview outlines (the rest, files of 50 questions) with sections and their counts,
 *   `**Углубления:**` follow-ups and a level table naming existing question numbers.
 *
 * The text mixes Russian and English the way the sources do. All randomness comes from a
 * seeded mulberry32 PRNG, so the same (total, seed) always gives byte-identical files.
 * Every format (and both practice variants) appears once `total >= 10`.
 */
import { mulberry32 } from '../../src/scripts/random.ts';
import { PART_NAMES } from '../../src/ingest/answer-parts.ts';

export interface SyntheticSource {
  file: string;
  text: string;
}

/** Share of the total per format; outlines take what is left. */
export const FORMAT_SHARES = { practice: 0.2, bank: 0.3, notes: 0.3, outline: 0.2 } as const;
/** Target items per file. Banks and outlines are upper bounds, the others approximate. */
export const FILE_SIZES = { practice: 20, bank: 500, notes: 50, outline: 50 } as const;

// ---------------------------------------------------------------------------------------------
// PRNG

/** Mixes the seed with a file index so every file has its own independent stream. */
function fileSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 0x85ebca6b), 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** k distinct items (order random). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, k);
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const TERMS = [
  'BatchNorm',
  'LayerNorm',
  'RMSNorm',
  'GroupNorm',
  'SyncBatchNorm',
  'dropout',
  'MC Dropout',
  'Adam',
  'AdamW',
  'SGD with momentum',
  'Nesterov momentum',
  'AMSGrad',
  'cross-entropy',
  'focal loss',
  'label smoothing',
  'triplet loss',
  'contrastive loss',
  'InfoNCE',
  'Dice loss',
  'Tversky loss',
  'ROC-AUC',
  'PR-AUC',
  'F1-score',
  'mAP',
  'IoU',
  'NMS',
  'anchor boxes',
  'feature pyramid network',
  'self-attention',
  'cross-attention',
  'multi-head attention',
  'KV cache',
  'FlashAttention',
  'rotary embeddings',
  'positional encoding',
  'LoRA',
  'INT8 quantization',
  'FP16 training',
  'BF16',
  'GradScaler',
  'gradient checkpointing',
  'gradient clipping',
  'weight decay',
  'learning rate warmup',
  'cosine schedule',
  'early stopping',
  'knowledge distillation',
  'pruning',
  'ONNX export',
  'TensorRT',
  'DDP',
  'FSDP',
  'ZeRO',
  'mixture of experts',
  'ResNet',
  'ViT',
  'Swin Transformer',
  'U-Net',
  'YOLO',
  'DETR',
  'CLIP',
  'BERT',
  'GPT-style decoder',
  'T5',
  'LSTM',
  'GRU',
  'seq2seq',
  'teacher forcing',
  'beam search',
  'nucleus sampling',
  'BPE tokenization',
  'word2vec',
  'VAE',
  'GAN',
  'DDPM',
  'classifier-free guidance',
  'RLHF',
  'DPO',
  'PPO',
  'Q-learning',
  'SimCLR',
  'MoCo',
  'MixUp',
  'CutMix',
  'test-time augmentation',
  'temperature scaling',
  'deep ensembles',
  'ECE',
  'Xavier initialization',
  'He initialization',
  'ReLU',
  'GELU',
  'Swish',
  'sigmoid',
  'softmax',
  'XGBoost',
  'random forest',
  'logistic regression',
  'SVM',
  'k-means',
  'PCA',
  't-SNE',
  'UMAP',
  'k-fold cross-validation',
  'speculative decoding',
  'RAG',
  'hard-negative mining',
  'SMOTE',
  'class weighting',
  'EMA of weights',
] as const;

const METRICS = [
  'accuracy',
  'ROC-AUC',
  'PR-AUC',
  'F1',
  'recall',
  'precision',
  'mAP@0.5',
  'ECE',
  'perplexity',
  'BLEU',
  'top-5 accuracy',
  'Dice',
  'latency p99',
  'throughput',
] as const;

const CTX_RU = [
  'при обучении',
  'на инференсе',
  'в multi-GPU обучении',
  'в production',
  'при малом batch size',
  'на несбалансированных данных',
  'в задаче детекции',
  'в задаче сегментации',
  'в рекомендательных системах',
  'на длинных последовательностях',
  'при fine-tuning',
  'при дистилляции',
  'на edge-устройствах',
  'при шумной разметке',
  'в online-обучении',
  'при domain shift',
] as const;

const CTX_EN = [
  'during training',
  'at inference time',
  'in multi-GPU training',
  'in production',
  'with a tiny batch',
  'on imbalanced data',
  'for object detection',
  'for semantic segmentation',
  'in a recommender system',
  'on long sequences',
  'during fine-tuning',
  'under label noise',
  'on an edge device',
  'under domain shift',
] as const;

const BATCH = [4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096] as const;

const SECTION_NAMES = [
  'Normalization',
  'Optimizers',
  'Loss Functions',
  'Regularization',
  'Metrics & Evaluation',
  'Attention',
  'Transformers',
  'Computer Vision',
  'Detection & Segmentation',
  'Generative Models',
  'Uncertainty',
  'Distributed Training',
  'Inference Optimization',
  'Classical ML',
  'NLP & Tokenization',
  'Self-Supervised Learning',
  'Reinforcement Learning',
  'Weight Initialization',
  'Backpropagation',
  'MLOps',
] as const;

const COMPANIES = [
  'Navio',
  'Orbita',
  'Sintez Labs',
  'DataForge',
  'Polyus Robotics',
  'Mirai Vision',
  'Kedr Analytics',
  'Lumen Health',
  'Tundra Maps',
  'Vega Fintech',
] as const;
const INTERVIEWS = [
  'Техническое собеседование',
  'ML System Design',
  'Собеседование по Computer Vision',
  'Алгоритмическая секция',
  'Собеседование по NLP',
] as const;
const KIND_HEADINGS = [
  'Вопрос',
  'Вопрос по метрикам',
  'Вопрос про production ML',
  'Вопрос по архитектурам',
  'Вопрос по оптимизации',
] as const;
const TASK_HEADINGS = ['Задача', 'Задача на код', 'Задача по ML System Design'] as const;

/** Fixed UI lines of a scraped practice page (mirroring the real pages). */
/** A practice page's answer section headings: the Russian answer-part names. */
const SECTION = {
  short: PART_NAMES.short.ru[0],
  detailed: PART_NAMES.detailed.ru[0],
  mistakes: PART_NAMES.mistakes.ru[0],
  howToSay: PART_NAMES.howToSay.ru[0],
};

const UI_A = [
  'Ответьте без подсказки',
  '',
  'Сначала проговорите ответ вслух или тезисами.',
  '',
  'Запишите черновик',
  '',
  'Формулы, план решения, риски и примеры.',
  '',
  'Сравните с разбором',
  '',
  'Откройте разбор только после своей попытки.',
  '',
  'Показать разбор',
  '',
];
const UI_B = [
  'Сначала проговорите ответ вслух или тезисами.',
  'Формулы, план решения, риски и примеры.',
  'Откройте разбор только после своей попытки.',
  'Показать разбор',
];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Russian plural of "вопрос" for a count. */
function voprosov(n: number): string {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return 'вопрос';
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return 'вопроса';
  return 'вопросов';
}

// ---------------------------------------------------------------------------------------------
// Titles

type Fill = { a: string; b: string; m: string; ru: string; en: string; n: number; bs: number };

function fill(rng: Rng): Fill {
  const [a, b] = rng.sample(TERMS, 2);
  return {
    a,
    b,
    m: rng.pick(METRICS),
    ru: rng.pick(CTX_RU),
    en: rng.pick(CTX_EN),
    n: rng.int(2, 96),
    bs: rng.pick(BATCH),
  };
}

const QUESTION_TEMPLATES: ((f: Fill) => string)[] = [
  (f) => `Чем ${f.a} отличается от ${f.b} ${f.ru}?`,
  (f) => `Batch size ${f.bs}: как ведёт себя ${f.a} ${f.ru}?`,
  (f) => `Почему ${f.a} ухудшает ${f.m} ${f.ru}?`,
  (f) => `Сеть из ${f.n} слоёв: объясните ${f.a} на её примере`,
  (f) => `Когда ${f.a} лучше, чем ${f.b}, если классов ${f.n}?`,
  (f) => `${cap(f.a)} и ${f.b}: какие проблемы возникают ${f.ru}?`,
  (f) => `Реализуйте ${f.a} на PyTorch за ${f.n} строк и проверьте на игрушечных данных`,
  (f) => `Замена ${f.a} на ${f.b}: что произойдёт с ${f.m}?`,
  (f) => `Датасет из ${f.n}k изображений: какие гиперпараметры ${f.a} важны?`,
  (f) => `Рассказать про ${f.a} ${f.ru}. Какие плюсы и минусы?`,
  (f) => `How does ${f.a} interact with ${f.b} when training on ${f.n} GPUs?`,
  (f) => `Why can ${f.a} hurt ${f.m} ${f.en}?`,
  (f) => `Compare ${f.a} and ${f.b} for a model with ${f.n}M parameters`,
  (f) => `Batch size drops to ${f.bs}: what changes in ${f.a}?`,
  (f) => `A ${f.n}-class problem: walk through ${f.a} step by step`,
  (f) => `When would you replace ${f.a} with ${f.b} ${f.en}?`,
  (f) => `${cap(f.a)} vs ${f.b}: which one would you pick ${f.en} and why?`,
];

const TOPIC_TEMPLATES: ((f: Fill) => string)[] = [
  (f) => `${cap(f.a)} ${f.ru} и ${f.b}`,
  (f) => `${cap(f.a)}, ${f.b} и ${f.m} при batch size ${f.bs}`,
  (f) => `${cap(f.a)} против ${f.b}: ${f.m} и стоимость`,
  (f) => `${cap(f.a)} для ${f.n} классов ${f.ru}`,
  (f) => `${cap(f.a)} ${f.en}: ${f.b} и ${f.m}`,
];

const FOLLOW_UP_TEMPLATES: ((f: Fill) => string)[] = [
  (f) => `Как ${f.a} работает ${f.ru}?`,
  (f) => `В чем разница между ${f.a} и ${f.b}?`,
  (f) => `Что такое ${f.a}?`,
  (f) => `Как измерить влияние ${f.a} на ${f.m}?`,
  (f) => `Когда ${f.a} не помогает?`,
  (f) => `Как выбрать batch size для ${f.a}?`,
];

/** Generates titles that are unique across the whole run. */
class TitleBook {
  private readonly seen = new Set<string>();
  make(rng: Rng, templates: readonly ((f: Fill) => string)[]): string {
    for (let attempt = 0; ; attempt++) {
      const title = rng.pick(templates)(fill(rng));
      const key = title.toLowerCase();
      if (!this.seen.has(key) || attempt > 20) {
        this.seen.add(key);
        return title;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Prose

const SENTENCES: ((f: Fill) => string)[] = [
  (f) => `${cap(f.a)} changes the optimization landscape, so the effective learning rate of ${f.b} shifts as well.`,
  (f) => `With batch size ${f.bs}, the statistics behind ${f.a} become noisy and ${f.m} can drop by ${f.n}%.`,
  (f) => `A strong answer separates what ${f.a} does during training from what it does at inference.`,
  (f) => `In production, teams usually pair ${f.a} with ${f.b} and monitor ${f.m} on a held-out slice.`,
  (f) => `The cost of ${f.a} grows with sequence length ${f.n * 64}, which matters for the latency budget.`,
  (f) => `If ${f.m} improves while the loss gets worse, check calibration before blaming ${f.a}.`,
  (f) => `Ablate ${f.a} first: run seeds ${f.n} and ${f.n + 17}, then compare ${f.m} with confidence intervals.`,
  (f) => `Memory is dominated by activations, so ${f.a} is often combined with gradient checkpointing.`,
  (f) => `${cap(f.a)} помогает стабилизировать обучение, но при batch size ${f.bs} статистики становятся шумными.`,
  (f) => `На собеседовании важно отделить поведение ${f.a} на обучении от поведения ${f.ru}.`,
  (f) => `Если ${f.m} растёт, а loss тоже растёт, сначала проверьте калибровку и шум в разметке.`,
  (f) => `В production ${f.a} обычно комбинируют с ${f.b}, а качество отслеживают по ${f.m} на отложенной выборке.`,
  (f) => `Для датасета из ${f.n}k примеров разумно начать с baseline без ${f.a} и сравнить ${f.m}.`,
  (f) =>
    `Типичный компромисс: ${f.a} ускоряет сходимость примерно в ${(f.n % 3) + 2} раза, но требует аккуратной настройки learning rate.`,
];

function paragraph(rng: Rng, sentences = rng.int(2, 4)): string {
  return Array.from({ length: sentences }, () => rng.pick(SENTENCES)(fill(rng))).join(' ');
}

function bulletText(rng: Rng): string {
  const f = fill(rng);
  return rng.pick([
    `Confuse ${f.a} with ${f.b}.`,
    `Forget how ${f.a} behaves ${f.en}.`,
    `Report only ${f.m} and ignore per-slice failures.`,
    `Say ${f.a} always helps, regardless of batch size.`,
    `Mention ${f.a} and ${f.b} as practical alternatives.`,
    `Start with the constraint: ${f.m} versus latency.`,
    `Перепутать ${f.a} и ${f.b}.`,
    `Не сказать, как ${f.a} ведёт себя ${f.ru}.`,
    `Назвать trade-off между ${f.m} и стоимостью ${f.a}.`,
  ]);
}

/** Lines of one practice answer section body, never two equal lines in a row. */
function distinct(rng: Rng, count: number, make: (rng: Rng) => string): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const line = make(rng);
    if (!out.includes(line)) out.push(line);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Math, tables, code (notes pages)

const INLINE_MATH: ((f: Fill) => string)[] = [
  (f) => `\\(\\eta = ${f.n} \\cdot 10^{-4}\\)`,
  (f) => `\\(\\gamma = ${(f.n % 4) + 1}\\)`,
  () => `\\(p_t \\to 1\\)`,
  () => `\\(y = F(x) + x\\)`,
  () => `\\(\\sigma(z)(1-\\sigma(z)) \\to 0\\)`,
  (f) => `\\(O(n^2)\\) при \\(n = ${f.n * 128}\\)`,
  (f) => `\\(\\text{Var}(w) = \\frac{2}{n_{in}}\\) для ${f.n} входов`,
  (f) => `\\(\\beta_2 = 0.${900 + f.n}\\)`,
  () => `\\(\\epsilon = 10^{-5}\\)`,
];

const DISPLAY_MATH = [
  '\\mathcal{L} = -\\sum_{i=1}^{N} y_i \\log p_i',
  '\\hat{x} = \\frac{x - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}}',
  '\\theta_{t+1} = \\theta_t - \\eta \\nabla_\\theta \\mathcal{L}(\\theta_t)',
  'FL(p_t) = -\\alpha_t (1 - p_t)^\\gamma \\log(p_t)',
  '\\text{Attention}(Q, K, V) = \\text{softmax}\\left(\\frac{QK^T}{\\sqrt{d_k}}\\right) V',
  'm_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t',
  'ECE = \\sum_{m=1}^{M} \\frac{B_m}{n} \\left(\\text{acc}(B_m) - \\text{conf}(B_m)\\right)',
  'D_{KL}(q \\,\\Vert\\, p) = \\sum_x q(x) \\log \\frac{q(x)}{p(x)}',
] as const;

function prose(rng: Rng): string {
  const f = fill(rng);
  const base = rng.pick(SENTENCES)(f);
  return rng.chance(0.5) ? `${base} Формально: ${rng.pick(INLINE_MATH)(f)}.` : base;
}

function flattenedList(rng: Rng): string {
  const f = fill(rng);
  const lead = rng.pick([
    'Causes',
    'Solutions',
    'Проблемы',
    'In practice',
    'Trade-off',
    'Когда использовать',
    'Checklist',
  ]);
  const items = distinct(rng, rng.int(2, 4), (r) => {
    const g = fill(r);
    return r.pick([
      `${cap(g.a)} -- ${g.ru}`,
      `${cap(g.a)} stabilizes ${g.m}`,
      `Проверить ${g.m} ${g.ru}`,
      `${cap(g.b)} with batch size ${g.bs}`,
    ]);
  });
  if (rng.chance(0.5)) return `${lead}: ${items.map((it, k) => `${k + 1}. ${it}`).join(' ')}`;
  return `${lead} (${f.a}): ${items.map((it) => `- ${it}`).join(' ')}`;
}

function labelledRun(rng: Rng): string {
  const f = fill(rng);
  return rng.chance(0.5)
    ? `Pros: ${cap(f.a)} is easy to add, works with ${f.b} Cons: costs about ${f.n}% more memory`
    : `Плюсы: ${f.a} быстро сходится ${f.ru} Минусы: нужно подбирать ${f.b}`;
}

function displayMath(rng: Rng): string {
  const label = rng.pick(['Formula', 'Update rule', 'Loss', 'Формула', 'Key identity']);
  return `${label}: $\\(${rng.pick(DISPLAY_MATH)}\\)$`;
}

function table(rng: Rng): string[] {
  const f = fill(rng);
  const rows = rng.sample(
    ['Training cost', 'Inference cost', 'Memory', 'Stability', 'Typical use', 'Batch dependence', 'Tuning effort'],
    rng.int(2, 4),
  );
  const cell = (r: Rng) =>
    r.pick([
      'Low',
      'High',
      'Better',
      'Good',
      'Easy',
      'Easiest',
      `${r.int(2, 16)}x forward pass`,
      `\\(O(n^2)\\)`,
      `\\(O(n)\\)`,
      'Зависит от batch size',
      'Нужен tuning',
      `до ${r.int(5, 60)}%`,
    ]);
  return [
    `| Aspect | ${f.a} | ${f.b} |`,
    '|---|---|---|',
    ...rows.map((row) => `| ${row} | ${cell(rng)} | ${cell(rng)} |`),
  ];
}

function code(rng: Rng): string[] {
  const n = rng.pick([10, 20, 50, 100, 200]);
  const lr = rng.pick(['1e-3', '3e-4', '5e-5', '2e-5']);
  const snippets: string[][] = [
    [
      `def predict_with_uncertainty(model, x, n_samples=${n}):`,
      'model.train()  # keep dropout active',
      'predictions = []',
      'for _ in range(n_samples):',
      'pred = model(x)',
      'predictions.append(pred)',
      'predictions = torch.stack(predictions)',
      'mean = predictions.mean(dim=0)',
      'std = predictions.std(dim=0)',
      'return mean, std',
    ],
    [
      '# AdamW with a cosine schedule',
      `optimizer = torch.optim.AdamW(model.parameters(), lr=${lr}, weight_decay=0.01)`,
      `scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=${n})`,
      `for epoch in range(${n}):`,
      'loss = train_one_epoch(model, loader, optimizer)',
      'scheduler.step()',
    ],
    [
      'scaler = torch.cuda.amp.GradScaler()',
      'with torch.autocast(device_type="cuda", dtype=torch.float16):',
      'logits = model(images)',
      'loss = criterion(logits, targets)',
      'scaler.scale(loss).backward()',
      'scaler.step(optimizer)',
      'scaler.update()',
    ],
    [
      `def focal_loss(p, y, gamma=${rng.int(1, 3)}, alpha=0.25):`,
      'p_t = p * y + (1 - p) * (1 - y)',
      'return -alpha * (1 - p_t) ** gamma * torch.log(p_t)',
    ],
    [
      '# Epistemic: deep ensemble',
      `predictions = [m(x) for m in models[:${rng.int(3, 10)}]]`,
      'epistemic = np.var(predictions)  # model uncertainty',
    ],
  ];
  return rng.pick(snippets);
}

function misconception(rng: Rng): string[] {
  const f = fill(rng);
  const claim = rng.pick([
    `${cap(f.a)} всегда улучшает ${f.m}`,
    `${cap(f.a)} не нужен при batch size ${f.bs}`,
    `${cap(f.a)} и ${f.b} -- одно и то же`,
  ]);
  const explanation = `${cap(f.a)} помогает не во всех задачах: ${f.ru} он может снизить ${f.m} на ${f.n}%, а при ${rng.pick(INLINE_MATH)(f)} эффект исчезает. Надёжнее сравнить с ${f.b} на отложенной выборке.`;
  return [`Заблуждение: ${claim}`, explanation];
}

// ---------------------------------------------------------------------------------------------
// Files

function practicePageA(rng: Rng, titles: TitleBook, count: number): string {
  const company = rng.pick(COMPANIES);
  const interview = rng.pick(INTERVIEWS);
  const date = `202${rng.int(3, 6)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const steps = Array.from({ length: count }, () => (rng.chance(0.1) ? 'Задача' : 'Вопрос'));
  const questions = steps.filter((s) => s === 'Вопрос').length;
  const out = [
    'К обычному разбору',
    `Тренировка по собеседованию${interview}${company}${date}`,
    '',
    `${company}: ${interview}`,
    '',
    'Идите сверху вниз: сначала попробуйте сами, затем откройте разбор. Если шаг с кодом, пишите решение прямо здесь и запускайте проверки на странице.',
    '',
    'Шагов',
    String(count),
    'Вопросов',
    String(questions),
    'Задач',
    String(count - questions),
  ];
  steps.forEach((kind, k) => {
    const heading = kind === 'Вопрос' ? rng.pick(KIND_HEADINGS) : rng.pick(TASK_HEADINGS);
    out.push(`${k + 1}${kind}${rng.int(3, 25)} мин`, '', heading, '', titles.make(rng, QUESTION_TEMPLATES), '');
    if (rng.chance(0.3)) out.push(paragraph(rng, 1), '');
    out.push(...UI_A);
    out.push(SECTION.short, '', paragraph(rng, 2), '', SECTION.detailed, '');
    for (const p of distinct(rng, rng.int(2, 4), (r) => paragraph(r))) out.push(p, '');
    out.push(SECTION.mistakes, '', ...distinct(rng, rng.int(2, 4), bulletText).map((b) => `  • ${b}`), '');
    out.push(SECTION.howToSay, '', ...distinct(rng, 2, bulletText).map((b) => `  • ${b}`));
  });
  return out.join('\n') + '\n';
}

function practicePageB(rng: Rng, titles: TitleBook, count: number): string {
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const title = titles.make(rng, TOPIC_TEMPLATES);
    out.push(title, title, ...UI_B);
    out.push(SECTION.short, paragraph(rng, 2), SECTION.detailed, ...distinct(rng, rng.int(2, 3), (r) => paragraph(r)));
    out.push(SECTION.mistakes, ...distinct(rng, 3, bulletText).map((b) => `- ${b}`));
    out.push(SECTION.howToSay, ...distinct(rng, 2, bulletText).map((b) => `- ${b}`));
  }
  return out.join('\n') + '\n';
}

function questionBank(rng: Rng, titles: TitleBook, count: number, index: number): string {
  const area = rng.pick(['Computer Vision', 'NLP', 'Recommender Systems', 'MLOps', 'Deep Learning', 'Classical ML']);
  const out = [
    `# ML-Interview: ${area} ${index}`,
    `Банк вопросов с собеседований на позицию Machine Learning Engineer в области ${area}.`,
    '',
  ];
  for (let k = 1; k <= count; k++) {
    out.push(`${k}. ${titles.make(rng, QUESTION_TEMPLATES)}`);
    // A wrapped question: the continuation line sits directly under it.
    if (rng.chance(0.03)) out.push(`   Дополнительно: сравнить с ${rng.pick(TERMS)} и назвать метрику.`);
  }
  return out.join('\n') + '\n';
}

function notesPage(rng: Rng, titles: TitleBook, count: number, index: number): string {
  const sections = rng.sample(SECTION_NAMES, Math.max(1, Math.min(SECTION_NAMES.length, Math.round(count / 7))));
  const out = [
    `DL Interview: ${sections[0]} ${index}¶`,
    `~${rng.int(4, 25)} минут чтения`,
    `Навигация: Все темы DL интервью | Материалы DL | ${sections.at(-1)}`,
    `${sections.join(', ')}. ${prose(rng)}`,
  ];
  // Spread the questions over the sections as evenly as possible.
  const perSection = split(count, sections.length);
  sections.forEach((name, s) => {
    out.push(`${name}¶`);
    for (let k = 0; k < perSection[s]; k++) {
      let title = titles.make(rng, QUESTION_TEMPLATES);
      if (rng.chance(0.1)) title = `${title.replace(/\?$/, '')} -- пример с ${rng.pick(INLINE_MATH)(fill(rng))}`;
      out.push(`Q: ${title}¶`);
      if (rng.chance(0.3)) out.push(`A: ${prose(rng)}`);
      else out.push('A:');
      const blocks = rng.int(2, 5);
      for (let b = 0; b < blocks; b++) {
        const kind = rng.int(0, 9);
        if (kind <= 2) out.push(prose(rng));
        else if (kind === 3) out.push(flattenedList(rng));
        else if (kind === 4) out.push(labelledRun(rng));
        else if (kind === 5) out.push(displayMath(rng));
        else if (kind === 6) out.push(...table(rng));
        else if (kind === 7) out.push(rng.pick(['Code pattern:', 'Procedure:', 'Пример кода:']), ...code(rng));
        else out.push(flattenedList(rng));
      }
      // Misconception notes close a section, as in the real page.
      if (k === perSection[s] - 1 && rng.chance(0.4)) out.push(...misconception(rng));
    }
  });
  return out.join('\n') + '\n';
}

function outline(rng: Rng, titles: TitleBook, count: number, index: number): string {
  const [role, position] = rng.pick([
    ['Backend разработчика', 'Backend Developer'],
    ['Data Scientist', 'Data Scientist'],
    ['ML инженера', 'ML Engineer'],
    ['MLOps инженера', 'MLOps Engineer'],
    ['Computer Vision инженера', 'Computer Vision Engineer'],
  ] as const);
  const header = (followUps: number) => [
    `# Компактное интервью ${index}: Глубокое обучение для ${role}`,
    '',
    `**Структура:** ${count} основных вопросов + 2-4 ключевых углубления к каждому (${count + followUps} вопросов всего)`,
    '',
    '**Время проведения:**',
    '- **Junior (1-2 года):** 15-20 вопросов (30-45 минут)',
    '- **Middle (2-4 года):** 25-35 вопросов (45-60 минут)',
    '- **Senior (4+ лет):** 35-50 вопросов (60-90 минут)',
    '',
    '---',
    '',
  ];
  const out: string[] = [];
  let followUpTotal = 0;
  const sectionCount = Math.max(1, Math.min(6, Math.round(count / 10)));
  const names = rng.sample(
    [
      'Основы нейросетей',
      'Оптимизация и обучение',
      'Архитектуры',
      'Компьютерное зрение',
      'NLP и трансформеры',
      'Генеративные модели',
      'Практическое применение',
      'MLOps и production',
    ],
    sectionCount,
  );
  let number = 0;
  split(count, sectionCount).forEach((size, s) => {
    out.push(`## ${s + 1}. ${names[s]} (${size} ${voprosov(size)})`, '');
    for (let k = 0; k < size; k++) {
      number++;
      out.push(`### Вопрос ${number}: ${titles.make(rng, QUESTION_TEMPLATES)}`, '**Углубления:**');
      const followUps = distinct(rng, rng.int(2, 4), (r) => r.pick(FOLLOW_UP_TEMPLATES)(fill(r)));
      followUps.forEach((f, j) => out.push(`${j + 1}. ${f}`));
      followUpTotal += followUps.length;
      out.push('');
    }
    out.push('---', '');
  });
  // The level table names ranges of existing question numbers.
  const third = Math.max(1, Math.floor(count / 3));
  const half = Math.max(1, Math.floor(count / 2));
  const tail = Math.max(1, count - 1);
  const ranges = (parts: [number, number][]) =>
    parts
      .filter(([a, b]) => a >= 1 && a <= b && b <= count)
      .map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`))
      .join(', ');
  const junior = ranges(
    tail > third
      ? [
          [1, third],
          [tail, count],
        ]
      : [[1, count]],
  );
  const middle = ranges(
    count - 2 > half
      ? [
          [1, half],
          [count - 2, count],
        ]
      : [[1, count]],
  );
  out.push(
    '## Система оценки',
    '',
    `### Junior ${position} (1-2 года)`,
    '**Ожидания:** Понимание основ, умение работать с готовыми моделями',
    `**Вопросы:** ${junior} (15-20 вопросов)`,
    '**Критерии:**',
    '- Объясняет основные концепции простыми словами',
    `- Понимает разницу между ${rng.pick(TERMS)} на обучении и инференсе`,
    '',
    `### Middle ${position} (2-4 года)`,
    '**Ожидания:** Может обучать модели, понимает различные архитектуры',
    `**Вопросы:** ${middle} (25-35 вопросов)`,
    '**Критерии:**',
    '- Понимает процесс обучения и оптимизации',
    `- Знает ${rng.pick(TERMS)} и ${rng.pick(TERMS)}`,
    '',
    `### Senior ${position} (4+ лет)`,
    '**Ожидания:** Глубокие знания, может принимать архитектурные решения',
    `**Вопросы:** ${ranges([[1, count]])} (35-50 вопросов)`,
    '**Критерии:**',
    '- Понимает математику за алгоритмами',
    '- Понимает trade-offs различных подходов',
    '',
    '## Рекомендации для интервьюера',
    '',
    '1. **Начинайте с основ** и углубляйтесь по мере ответов',
    '2. **Просите примеры** из практики кандидата',
    `3. **Обсуждайте trade-offs** - например, ${rng.pick(TERMS)} vs ${rng.pick(TERMS)}`,
    '',
    '**Красные флаги:**',
    '- Не понимает разницу между обучением и инференсом',
    `- Путает ${rng.pick(METRICS)} и loss`,
  );
  return [...header(followUpTotal), ...out].join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Split

/** n split into k parts whose sizes differ by at most one (larger parts first). */
function split(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
}

/** How many questions each format gets; sums to `total`. */
export function formatCounts(total: number): { practice: number; bank: number; notes: number; outline: number } {
  const n = Math.max(0, Math.floor(total));
  const practice = Math.round(n * FORMAT_SHARES.practice);
  let bank = Math.round(n * FORMAT_SHARES.bank);
  let notes = Math.round(n * FORMAT_SHARES.notes);
  let outline = n - practice - bank - notes;
  if (outline < 0) {
    notes += outline;
    outline = 0;
  }
  // A bank needs at least two numbered lines to be recognised as a bank.
  if (bank === 1) {
    bank = 0;
    notes++;
  }
  return { practice, bank, notes, outline };
}

/**
 * Synthetic source files holding exactly `totalQuestions` questions, identical for the same
 * seed. File names are flat (`bench-<format>-NNN.txt`) and never needed for detection.
 */
export function generateSources(totalQuestions: number, seed: number): SyntheticSource[] {
  const counts = formatCounts(totalQuestions);
  const titles = new TitleBook();
  const files: SyntheticSource[] = [];
  const pad = (k: number) => String(k).padStart(3, '0');
  let fileIndex = 0;
  const rngFor = () => new Rng(fileSeed(seed, fileIndex++));

  if (counts.practice > 0) {
    const pages = Math.max(counts.practice >= 2 ? 2 : 1, Math.round(counts.practice / FILE_SIZES.practice));
    split(counts.practice, pages).forEach((size, k) => {
      const rng = rngFor();
      const text = k % 2 === 0 ? practicePageA(rng, titles, size) : practicePageB(rng, titles, size);
      files.push({ file: `bench-practice-${k % 2 === 0 ? 'company' : 'topics'}-${pad(k + 1)}.txt`, text });
    });
  }
  if (counts.bank > 0) {
    split(counts.bank, Math.ceil(counts.bank / FILE_SIZES.bank)).forEach((size, k) => {
      files.push({ file: `bench-bank-${pad(k + 1)}.txt`, text: questionBank(rngFor(), titles, size, k + 1) });
    });
  }
  if (counts.notes > 0) {
    split(counts.notes, Math.max(1, Math.round(counts.notes / FILE_SIZES.notes))).forEach((size, k) => {
      files.push({ file: `bench-notes-${pad(k + 1)}.txt`, text: notesPage(rngFor(), titles, size, k + 1) });
    });
  }
  if (counts.outline > 0) {
    split(counts.outline, Math.ceil(counts.outline / FILE_SIZES.outline)).forEach((size, k) => {
      files.push({ file: `bench-outline-${pad(k + 1)}.txt`, text: outline(rngFor(), titles, size, k + 1) });
    });
  }
  return files;
}
