import sanitizeHtml from 'sanitize-html';

const LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS: ReadonlySet<string> = new Set(['https:']);

/** What the CRM's rich text editor produces; anything else is dropped (SECURITY.md 7). */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'b', 'i', 'u', 'strong', 'em', 's', 'ul', 'ol', 'li', 'a',
    'h1', 'h2', 'h3', 'h4', 'blockquote', 'code', 'pre', 'span', 'img',
  ],
  allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  // Relative URLs would resolve against the app's own origin: only absolute ones are kept.
  transformTags: {
    a: (tagName, { rel: _ignored, ...attribs }) => ({
      tagName, attribs: { ...keepUrl(attribs, 'href', LINK_PROTOCOLS), rel: 'noopener noreferrer' },
    }),
    img: (tagName, attribs) => ({ tagName, attribs: keepUrl(attribs, 'src', IMAGE_PROTOCOLS) }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** Rich text as stored: an allow-list of tags and attributes, parsed as HTML (never by regexes). */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

function keepUrl(attribs: sanitizeHtml.Attributes, name: string, protocols: ReadonlySet<string>): sanitizeHtml.Attributes {
  const url = attribs[name];
  // The WHATWG parser reads the URL the way a browser will (tabs, case, entities already decoded).
  const parsed = url !== undefined && URL.canParse(url) ? new URL(url) : null;
  if (url === undefined || (parsed && protocols.has(parsed.protocol))) return attribs;
  return Object.fromEntries(Object.entries(attribs).filter(([key]) => key !== name));
}
