/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An image of the item after upload: where our editor pointed, and WeChat's URL for it. */
export type ArticleImage = { source: string; name: string | null; wechatUrl: string };

function samePath(a: string, b: string): boolean {
  try {
    return new URL(a, 'http://x').pathname === new URL(b, 'http://x').pathname;
  } catch {
    return false;
  }
}

function imgTag(img: ArticleImage, alt: string): string {
  return `<img src="${escapeHtml(img.wechatUrl)}" alt="${escapeHtml(alt)}" style="max-width:100%;"/>`;
}

// **bold** is the only inline mark our editor's hints produce that reads badly when left raw.
function inline(text: string): string {
  return escapeHtml(text).replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>');
}

/**
 * Turns our markdown-ish body into the simple HTML a WeChat article accepts: paragraphs, line
 * breaks, headings, bold, and images. Image references that match an uploaded image point at
 * WeChat's copy (WeChat drops images hosted elsewhere); images never referenced are appended.
 */
export function renderArticleHtml(markdown: string, images: readonly ArticleImage[]): string {
  const used = new Set<ArticleImage>();
  const find = (src: string) =>
    images.find(
      (i) => i.source === src || samePath(i.source, src) || (i.name !== null && i.name === src),
    );
  const blocks = markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const block of blocks) {
    const heading = /^(#{1,6})\s+(.+)$/.exec(block);
    if (heading?.[1] && heading[2] && !block.includes('\n')) {
      const tag = heading[1].length <= 2 ? 'h2' : 'h3';
      out.push(`<${tag}>${inline(heading[2])}</${tag}>`);
      continue;
    }
    // Split around image references; text parts are escaped, images become <img>.
    const parts: string[] = [];
    let last = 0;
    for (const m of block.matchAll(/!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      parts.push(inline(block.slice(last, m.index)).replace(/\n/g, '<br/>'));
      const img = find(m[2] ?? '');
      if (img) {
        used.add(img);
        parts.push(imgTag(img, m[1] ?? ''));
      } else if (m[1]) {
        parts.push(escapeHtml(m[1])); // an image WeChat would filter out: keep its description
      }
      last = m.index + m[0].length;
    }
    parts.push(inline(block.slice(last)).replace(/\n/g, '<br/>'));
    const html = parts.join('').replace(/^(<br\/>)+|(<br\/>)+$/g, '');
    if (html) out.push(`<p>${html}</p>`);
  }
  for (const img of images) if (!used.has(img)) out.push(`<p>${imgTag(img, img.name ?? '')}</p>`);
  return out.join('\n');
}
