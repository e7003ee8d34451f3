import { describe, expect, it } from 'vitest';
import {
  defaultParse,
  guessField,
  initialMappingRows,
  mappingProblems,
  toMappingBody,
} from './mapping';

describe('defaultParse', () => {
  it('picks the parse type from the metric kind', () => {
    expect(defaultParse('views')).toBe('count');
    expect(defaultParse('followersNet')).toBe('signedCount');
    expect(defaultParse('completionRate')).toBe('rate');
    expect(defaultParse('avgWatchSeconds')).toBe('seconds');
    expect(defaultParse('revenue')).toBe('number');
    expect(defaultParse('publishedAt')).toBe('datetime');
    expect(defaultParse('title')).toBe('text');
    expect(defaultParse(null)).toBe('text');
  });
});

describe('guessField', () => {
  it('recognises metric labels and their common variants', () => {
    expect(guessField('点赞')).toBe('likes');
    expect(guessField('点赞数')).toBe('likes');
    expect(guessField('阅读量')).toBe('views');
    expect(guessField('播放量')).toBe('views');
    expect(guessField('完播率(%)')).toBe('completionRate');
    expect(guessField('Shares')).toBe('shares');
    expect(guessField('涨粉人数')).toBe('followersGained');
    expect(guessField('掉粉人数')).toBe('followersLost');
    expect(guessField('粉丝总数')).toBe('followersTotal');
  });

  it('recognises the non-metric columns and leaves the rest alone', () => {
    expect(guessField('标题')).toBe('title');
    expect(guessField('发布时间')).toBe('publishedAt');
    expect(guessField('日期')).toBe('date');
    expect(guessField('统计日')).toBe('date');
    expect(guessField('备注')).toBeNull();
    expect(guessField('  ')).toBeNull();
  });
});

describe('initialMappingRows', () => {
  it('prefers the preset, guesses the rest and never maps a field twice', () => {
    const rows = initialMappingRows(['作品名称', '播放量', '阅读量', '备注'], {
      columns: [{ field: 'title', headers: ['作品名称'], parse: 'text', required: true }],
    });
    expect(rows).toEqual([
      { header: '作品名称', field: 'title', parse: 'text' },
      { header: '播放量', field: 'views', parse: 'count' },
      { header: '阅读量', field: null, parse: 'text' },
      { header: '备注', field: null, parse: 'text' },
    ]);
  });
});

describe('toMappingBody / mappingProblems', () => {
  const rows = [
    { header: '日期', field: 'date' as const, parse: 'datetime' as const },
    { header: '新增关注', field: 'followersGained' as const, parse: 'count' as const },
    { header: '备注', field: null, parse: 'text' as const },
  ];

  it('sends only mapped columns', () => {
    expect(toMappingBody(rows, 'account')).toEqual({
      grain: 'account',
      columns: [
        { header: '日期', field: 'date', parse: 'datetime' },
        { header: '新增关注', field: 'followersGained', parse: 'count' },
      ],
    });
  });

  it('says what is missing for the grain', () => {
    expect(mappingProblems(rows, 'account')).toEqual([]);
    expect(mappingProblems(rows, 'content')).toEqual(['noContentKey']);
    expect(mappingProblems(rows.slice(1), 'account')).toEqual(['noDate']);
    expect(mappingProblems([rows[0]!], 'account')).toEqual(['noMetric']);
    expect(mappingProblems([], 'account')).toEqual(['none']);
    expect(mappingProblems([rows[1]!, { ...rows[1]!, header: 'x' }, rows[0]!], 'account')).toEqual([
      'duplicate',
    ]);
  });
});
