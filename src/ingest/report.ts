/**
 * The ingestion report: one row per source with questions, answers and the fate of every line.
 */
import type { Handbook, SourceSummary } from './model.ts';

const COLUMNS = ['source', 'format', 'questions', 'answers', 'lines', 'kept', 'debris', 'blank', 'unplaced'] as const;

function row(s: SourceSummary): string[] {
  const l = s.lines;
  return [s.file, s.format, s.questions, s.answers, l.total, l.kept, l.debris, l.blank, l.unplaced].map(String);
}

/** A plain-text table of the per-source summaries, followed by warnings and unplaced lines. */
export function formatReport(handbook: Handbook): string {
  const rows = [COLUMNS.slice() as string[], ...handbook.sources.map(row)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) =>
    r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '),
  );
  const answered = handbook.sources.reduce((n, s) => n + s.answers, 0);
  lines.push(
    '',
    `${handbook.sources.length} sources, ${handbook.questions.length} questions, ${answered} with answers`,
  );
  for (const s of handbook.sources) {
    for (const w of s.warnings) lines.push(`warning: ${s.file}:${w.line}: ${w.message}`);
    if (s.unplacedLines.length > 0) {
      lines.push(
        `warning: ${s.file}: ${s.unplacedLines.length} line(s) could not be placed: ${s.unplacedLines.join(', ')}`,
      );
    }
  }
  return lines.join('\n');
}
