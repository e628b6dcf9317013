import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES, rejectSource } from '../../src/ui/authorMode.ts';

describe('author mode input checks', () => {
  it('turns away files that cannot be stories, with a reason', () => {
    expect(rejectSource('x'.repeat(10), 5 * 1024 * 1024)).toBe(
      'This file is 5.0 MB; author mode takes stories up to 2 MB. Is it the right file?',
    );
    expect(rejectSource('  \n\t', 4)).toBe('The story is empty: write or paste some ink first.');
    expect(rejectSource('PK\u0003\u0004\u0000\u0000binary', 12)).toMatch(/binary data/);
    expect(rejectSource('\ufffd\ufffdJFIF', 8)).toMatch(/binary data/);
  });
  it('lets ink through, up to the limit', () => {
    expect(rejectSource('Hello.\n-> END\n', 14)).toBeUndefined();
    expect(rejectSource('Hello.', MAX_SOURCE_BYTES)).toBeUndefined();
  });
});
