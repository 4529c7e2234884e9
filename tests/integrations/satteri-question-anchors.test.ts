/**
 * satteri-question-anchors: the first heading of each `<Question id>` gets the question id.
 */
import { describe, expect, it } from 'vitest';
import { find, renderMdx } from '../helpers/mdx.ts';

const page = `import { Question, Answer } from '@handbook/components';

## Section

<Question id="first-q">
  ### First question

  Text.

  <Answer>
    ### Not the question heading
  </Answer>
</Question>

<Question id="no-heading">
  Just text.
</Question>

<Question id="nested">
  <Answer>
    #### Deep heading
  </Answer>
</Question>

<Question>
  ### No id
</Question>
`;

describe('satteri-question-anchors', () => {
  const tree = renderMdx(page);
  const headings = find(tree, (e) => /^h[1-6]$/.test(e.type));

  it('sets the question id on the first heading inside the Question element only', () => {
    expect(headings.map((h) => [h.type, h.props.id])).toEqual([
      ['h2', undefined],
      ['h3', 'first-q'],
      ['h3', undefined],
      ['h4', 'nested'],
      ['h3', undefined],
    ]);
  });

  it('leaves elements other than Question alone', () => {
    const other = renderMdx(
      'import { Answer } from \'@handbook/components\';\n\n<Answer id="x">\n  ### Heading\n</Answer>\n',
    );
    expect(find(other, (e) => e.type === 'h3')[0].props.id).toBeUndefined();
  });
});
