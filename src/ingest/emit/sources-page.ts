/**
 * The sources page (`sources.mdx`): one table row per source file with its ingestion counts.
 */
import type { Root, TableCell, TableRow } from 'mdast';
import type { Lang, SourceSummary } from '../model.ts';
import { localizeLabel, type Labels } from './localize.ts';
import { yamlNode } from './mdx-nodes.ts';
import { t } from './strings.ts';

const COLUMNS = ['file', 'format', 'sourceTitle', 'questions', 'answers', 'kept', 'debris', 'unplaced'] as const;

function cell(value: string | number): TableCell {
  return { type: 'tableCell', children: [{ type: 'text', value: String(value) }] };
}

function row(source: SourceSummary, lang: Lang, labels: Labels): TableRow {
  const values = [
    source.file,
    source.formatName,
    source.title === undefined ? '' : localizeLabel(source.title, lang, labels).value,
    source.questions,
    source.answers,
    source.lines.kept,
    source.lines.debris,
    source.lines.unplaced,
  ];
  return { type: 'tableRow', children: values.map(cell) };
}

/** Build the sources page tree. */
export function sourcesPage(lang: Lang, sources: readonly SourceSummary[], labels: Labels = {}): Root {
  const header: TableRow = {
    type: 'tableRow',
    children: COLUMNS.map((key) => cell(t(lang, `handbook.sources.${key}`))),
  };
  return {
    type: 'root',
    children: [
      yamlNode({ title: t(lang, 'handbook.sources.title'), description: t(lang, 'handbook.sources.description') }),
      { type: 'paragraph', children: [{ type: 'text', value: t(lang, 'handbook.sources.intro') }] },
      {
        type: 'table',
        align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
        children: [header, ...sources.map((source) => row(source, lang, labels))],
      },
    ],
  };
}
