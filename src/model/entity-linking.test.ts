import { describe, expect, it } from 'vitest';
import { NameIndex } from './entity-linking.js';

const index = new NameIndex([
  { id: 'plant:ikco', name: 'Iran Khodro Tehran plant', nameFa: 'کارخانه ایران‌خودرو تهران', aliases: ['ایران خودرو', 'IKCO'] },
  { id: 'mine:sungun', name: 'Sungun copper mine', nameFa: 'معدن مس سونگون', aliases: ['سونگون'] },
  { id: 'product:copper', name: 'Copper cathode', nameFa: 'کاتد مس', aliases: ['مس'] },
  { id: 'product:lime', name: 'Lime', nameFa: 'آهک' },
]);

describe('entity linking', () => {
  it('finds names however the ZWNJ, spaces and Arabic letters are written', () => {
    const text = 'مدیرعامل ايران خودرو گفت: ایران‌خودرو و ایرانخودرو قطعات را بومی می‌کنند.';
    expect(index.mentionsIn(text)).toEqual([{ nodeId: 'plant:ikco', count: 3, matched: 'ایرانخودرو' }]);
  });

  it('finds a name inside a longer phrase and counts each mention', () => {
    const ids = index.mentionsIn('فاز سوم معدن مس سونگون و توسعه سونگون').map((m) => [m.nodeId, m.count]);
    // «معدن مس سونگون» names the mine once and «سونگون» twice (once inside the full name).
    expect(ids).toEqual([['mine:sungun', 3], ['product:copper', 1]]);
  });

  it('does not match inside other words', () => {
    expect(index.mentionsIn('مسئولیت اجتماعی و مسافران و آهکی')).toEqual([]);
  });

  it('matches English names case-insensitively on word boundaries', () => {
    expect(index.mentionsIn('IKCO and ikco; not IKCOs').map((m) => m.count)).toEqual([2]);
  });

  it('ignores names too short to be specific', () => {
    const tiny = new NameIndex([{ id: 'x', name: 'Fe', nameFa: 'آ' }]);
    expect(tiny.mentionsIn('Fe آ')).toEqual([]);
  });
});
