import { describe, expect, it } from 'vitest';
import {
  findEmails,
  findHashtags,
  findLinks,
  findMobileNumbers,
  hashtagKey,
  overflowOffset,
} from './scanners';

function texts(text: string, spans: readonly { start: number; end: number }[]): string[] {
  return spans.map((s) => text.slice(s.start, s.end));
}

describe('findMobileNumbers', () => {
  it('finds mainland mobiles with separators, full-width digits and +86', () => {
    const text =
      '13812345678 / 138 1234 5678 / １３８－１２３４－５６７８ / +86 13912345678 / 8613712345678';
    expect(texts(text, findMobileNumbers(text))).toEqual([
      '13812345678',
      '138 1234 5678',
      '１３８－１２３４－５６７８',
      '13912345678',
      '13712345678',
    ]);
  });

  it('ignores other digit runs', () => {
    for (const text of [
      '12345678901',
      '订单 138123456789',
      '2024-11-22 13:00',
      '价格 1380 元',
      '010-12345678',
    ]) {
      expect(findMobileNumbers(text), text).toEqual([]);
    }
  });
});

describe('findEmails and findLinks', () => {
  it('finds e-mail addresses and does not call their domain a link', () => {
    const text = '合作：Hello.World@QQ.com。';
    expect(texts(text, findEmails(text))).toEqual(['Hello.World@QQ.com']);
    expect(findLinks(text)).toEqual([]);
  });

  it('finds http(s), www. and short links, without trailing punctuation', () => {
    const text =
      '看 http://a.com/x. 和 ＷＷＷ．ＥＸＡＭＰＬＥ．ＣＯＭ，还有 b23.tv/BV1xx 与 xhslink.com/abc）';
    expect(texts(text, findLinks(text))).toEqual([
      'http://a.com/x',
      'ＷＷＷ．ＥＸＡＭＰＬＥ．ＣＯＭ',
      'b23.tv/BV1xx',
      'xhslink.com/abc',
    ]);
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['NO.1 好物', 'Vue.js 教程', '版本 3.5.2', '第1.5章']) {
      expect(findLinks(text), text).toEqual([]);
    }
  });
});

describe('findHashtags', () => {
  it('reads the Douyin, Weibo and Xiaohongshu styles', () => {
    const text = '#好物 今天#穿搭#分享 #咖啡[话题]# #1 ＃早餐';
    const tags = findHashtags(text);
    expect(tags.map((t) => t.key)).toEqual(['好物', '穿搭', '咖啡', '早餐']);
    expect(texts(text, tags)).toEqual(['#好物', '#穿搭#', '#咖啡[话题]#', '＃早餐']);
  });

  it('normalises listed tags to the same key', () => {
    expect(['#好物', '好物', '#好物#', '#好物[话题]#', '＃好物'].map(hashtagKey)).toEqual(
      Array(5).fill('好物'),
    );
  });
});

describe('overflowOffset', () => {
  it('returns the UTF-16 offset of the first code point past the limit', () => {
    expect(overflowOffset('abc', 3, 'char')).toBe(-1);
    expect(overflowOffset('abcd', 3, 'char')).toBe(3);
    expect(overflowOffset('😀😀😀', 2, 'char')).toBe(4);
    expect(overflowOffset('中文ab', 4, 'weighted')).toBe(2);
    expect(overflowOffset('中文ab', 5, 'weighted')).toBe(3);
  });
});
