import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from './sanitize-rich-text.js';

describe('sanitizeRichText', () => {
  it('keeps what the editor produces', () => {
    const html = '<h2>Plan</h2><p><strong>Bold</strong>, <em>it</em>, <u>u</u>, <s>s</s><br /></p>'
      + '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>q</blockquote><pre><code>x = 1</code></pre>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('drops <script> with its content', () => {
    expect(sanitizeRichText('<p>Hi<script>alert(1)</script></p>')).toBe('<p>Hi</p>');
    expect(sanitizeRichText('<svg><script>alert(1)</script></svg>ok')).toBe('ok');
  });

  it('drops event handler attributes such as onerror and onclick', () => {
    expect(sanitizeRichText('<img src="https://cdn.example.com/a.png" onerror="alert(1)">'))
      .toBe('<img src="https://cdn.example.com/a.png" />');
    expect(sanitizeRichText('<p onclick="steal()">p</p>')).toBe('<p>p</p>');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java&#x09;script:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example.com',
    '/records/contact',
  ])('removes the href %s from a link, keeping its text', (href) => {
    expect(sanitizeRichText(`<a href="${href}">x</a>`)).toBe('<a rel="noopener noreferrer">x</a>');
  });

  it('keeps http, https and mailto links and sets rel=noopener', () => {
    expect(sanitizeRichText('<a href="https://example.com" rel="opener" target="_blank">x</a>'))
      .toBe('<a href="https://example.com" rel="noopener noreferrer">x</a>');
    expect(sanitizeRichText('<a href="mailto:ann@example.com">mail</a>'))
      .toBe('<a href="mailto:ann@example.com" rel="noopener noreferrer">mail</a>');
  });

  it('keeps only https images', () => {
    expect(sanitizeRichText('<img src="http://example.com/a.png"><img src="data:image/png;base64,AAAA"><img src="a.png">')).toBe('');
    expect(sanitizeRichText('<img src="https://example.com/a.png" alt="A">')).toBe('<img src="https://example.com/a.png" alt="A" />');
  });

  it('strips style and class from span, and tags outside the list', () => {
    expect(sanitizeRichText('<span style="background:url(javascript:x)" class="c">t</span>')).toBe('<span>t</span>');
    expect(sanitizeRichText('<iframe src="https://example.com"></iframe><style>p{}</style><form><input></form>t')).toBe('t');
  });

  it('escapes text that looks like markup', () => {
    expect(sanitizeRichText('a < b & c')).toBe('a &lt; b &amp; c');
  });
});
