import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../formats/registry';
import { formatsMarkdown } from './formats-text';

describe('docs/FORMATS.md', () => {
  it('matches the registry', () => {
    const onDisk = readFileSync(new URL('../../docs/FORMATS.md', import.meta.url), 'utf8');
    // Regenerate with: npm run --silent srd -- formats --markdown > docs/FORMATS.md
    expect(onDisk).toBe(formatsMarkdown(FORMATS));
  });

  it('lists every registered format', () => {
    const text = formatsMarkdown(FORMATS);
    for (const format of FORMATS) expect(text).toContain(`\`${format.id}\``);
  });
});
