import { describe, expect, it } from 'vitest';
import { escapeHtml, renderArticleHtml } from './wechat-html';

const cup = {
  source: '/api/v1/workspaces/w/files/f1',
  name: 'cup.png',
  wechatUrl: 'http://mmbiz.qpic.cn/a/0',
};
const beans = {
  source: '/api/v1/workspaces/w/files/f2',
  name: 'beans.jpg',
  wechatUrl: 'http://mmbiz.qpic.cn/b/0',
};

describe('renderArticleHtml', () => {
  it('escapes text so nothing in the body becomes markup', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
    expect(renderArticleHtml('<img src=x onerror=alert(1)>', [])).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  it('makes paragraphs from blank lines, line breaks from single ones, and headings', () => {
    expect(renderArticleHtml('# 标题\n\n第一行\r\n第二行\n\n\n**重点**：周末', [])).toBe(
      '<h2>标题</h2>\n<p>第一行<br/>第二行</p>\n<p><strong>重点</strong>：周末</p>',
    );
  });

  it('points image references at WeChat’s copy and appends images never referenced', () => {
    const html = renderArticleHtml(
      '看这杯 ![杯子](http://localhost:3000/api/v1/workspaces/w/files/f1) 好看\n\n![外链](https://example.com/x.png)',
      [cup, beans],
    );
    expect(html).toBe(
      [
        '<p>看这杯 <img src="http://mmbiz.qpic.cn/a/0" alt="杯子" style="max-width:100%;"/> 好看</p>',
        '<p>外链</p>',
        '<p><img src="http://mmbiz.qpic.cn/b/0" alt="beans.jpg" style="max-width:100%;"/></p>',
      ].join('\n'),
    );
  });

  it('matches an image by its file name too', () => {
    expect(renderArticleHtml('![](cup.png)', [cup])).toBe(
      '<p><img src="http://mmbiz.qpic.cn/a/0" alt="" style="max-width:100%;"/></p>',
    );
  });
});
