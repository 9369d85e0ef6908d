import { describe, expect, it } from 'vitest';
import { configRelation } from '../../../shared/bec2/configIdRelation.ts';

describe('configRelation', () => {
  it('compares versions of the same configuration only', () => {
    expect(configRelation('12345-0007-0000-03 Site A', '12345-0007-0000-02 Site A')).toBe('reader-older');
    expect(configRelation('12345-0007-0000-03 Site A', '12345-0007-0000-03 Site A')).toBe('same-version');
    expect(configRelation('12345-0007-0000-03 Site A', '12345-0007-0000-04 Site A')).toBe('reader-newer');
    // A renamed version is still the same configuration: the numbers say which one it is.
    expect(configRelation('12345-0007-0000-03 Site A', '12345-0007-0000-01 Old name')).toBe('reader-older');
    expect(configRelation('12345-0007-0000-03 Site A', '12345-0008-0000-01 Site B')).toBe('other-configuration');
    expect(configRelation('Lobby (version 02)', 'Lobby (version 01)')).toBe('reader-older');
    expect(configRelation('Lobby (version 02)', 'Garage (version 01)')).toBe('other-configuration');
  });

  it('cannot tell without both ids', () => {
    expect(configRelation('12345-0007-0000-03 Site A', null)).toBe('unknown');
    expect(configRelation(null, '12345-0007-0000-03 Site A')).toBe('unknown');
    expect(configRelation('not an id', '12345-0007-0000-03 Site A')).toBe('unknown');
  });
});
