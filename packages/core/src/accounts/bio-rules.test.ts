import { describe, expect, it } from 'vitest';
import { categoryKeywords, findContactDetails, positioningSignals } from './bio-rules';

describe('categoryKeywords', () => {
  it('splits a category into words and 2-character pieces of longer Chinese words', () => {
    expect(categoryKeywords('咖啡馆/烘焙')).toEqual(['咖啡馆', '咖啡', '啡馆', '烘焙']);
    expect(categoryKeywords('3C数码')).toEqual(['3c', '数码']);
    expect(categoryKeywords(null)).toEqual([]);
  });
});

describe('positioningSignals', () => {
  it('finds offer words such as 分享 and 测评', () => {
    expect(positioningSignals('每周分享手冲咖啡教程', null)).toContain('分享');
    expect(positioningSignals('真实测评，不恰饭', null)).toContain('测评');
  });

  it('finds words from the account category', () => {
    expect(positioningSignals('上海小众咖啡', '咖啡馆')).toContain('咖啡');
  });

  it('finds English offer words as whole words only', () => {
    expect(positioningSignals('Honest reviews of pour-over gear', null)).toContain('review');
    expect(positioningSignals('The official store of Xiaolu', null)).toEqual(
      expect.arrayContaining(['official', 'store']),
    );
    expect(positioningSignals('Restore your calm', null)).toEqual([]);
  });

  it('finds nothing in a bio that only talks about mood', () => {
    expect(positioningSignals('热爱生活，记录日常', '咖啡')).toEqual([]);
    expect(positioningSignals('hello world', null)).toEqual([]);
  });
});

describe('findContactDetails', () => {
  it('finds mobile numbers, also when spaced or full-width', () => {
    expect(findContactDetails('电话13812345678')).toEqual(['13812345678']);
    expect(findContactDetails('电话 138 1234 5678')).toEqual(['138 1234 5678']);
    expect(findContactDetails('１３８１２３４５６７８')).toEqual(['13812345678']);
  });

  it('finds WeChat, QQ and diversion phrases in their common disguises', () => {
    expect(findContactDetails('合作加V：xl123')).toContain('加v');
    expect(findContactDetails('VX: xl123')).toContain('vx');
    expect(findContactDetails('薇信同号')).toContain('薇信');
    expect(findContactDetails('QQ 123456')).toContain('qq');
    expect(findContactDetails('私信领取资料')).toContain('私信领取');
    expect(findContactDetails('hi@xiaolu.cafe')).toEqual(['hi@xiaolu.cafe']);
  });

  it('does not mistake ordinary text and short numbers for contact details', () => {
    expect(findContactDetails('上海独立咖啡馆，2019 年开业，分享手冲教程')).toEqual([]);
    expect(findContactDetails('Reviews of VR and video gear')).toEqual([]);
  });
});
