/** The dashboard's one announcement per import batch (the details are plain list items). */
import { describe, expect, it } from 'vitest';
import { importSummaryText } from '../../src/ui/dashboard.ts';

describe('importSummaryText', () => {
  it('one sentence for the batch', () => {
    expect(importSummaryText(3, 2)).toBe('3 files imported, 2 not imported: see the list.');
    expect(importSummaryText(1, 0)).toBe('1 file imported.');
    expect(importSummaryText(0, 1)).toBe('0 files imported, 1 not imported: see the list.');
  });
});
