import { describe, expect, it } from 'vitest';
import { Listeners } from '../../shared/listeners.ts';

describe('Listeners', () => {
  it('calls every listener in the order they subscribed, until each unsubscribes', () => {
    const events = new Listeners<[string]>();
    const seen: string[] = [];
    const offA = events.add((e) => seen.push(`a:${e}`));
    events.add((e) => seen.push(`b:${e}`));
    events.emit('1');
    offA();
    events.emit('2');
    expect(seen).toEqual(['a:1', 'b:1', 'b:2']);
  });

  it('lets a listener unsubscribe itself while being called without skipping the next one', () => {
    const events = new Listeners<[]>();
    const seen: string[] = [];
    const off = events.add(() => {
      seen.push('once');
      off();
    });
    events.add(() => seen.push('always'));
    events.emit();
    events.emit();
    expect(seen).toEqual(['once', 'always', 'always']);
  });
});
