import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { wordDiff } from './diff.js';
import { htmlToParagraphs, sanitiseHtml } from './sanitise.js';

const TAGS = [
  'p',
  'strong',
  'em',
  'u',
  'ul',
  'ol',
  'li',
  'h3',
  'h4',
  'blockquote',
  'a',
  'br',
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'img',
  'svg',
  'div',
  'span',
  'form',
  'input',
  'textarea',
  'math',
  'SCRIPT',
  'ScRiPt',
  'template',
  'base',
  'link',
  'meta',
];
const ATTRIBUTES = [
  'href',
  'src',
  'onclick',
  'onerror',
  'ONLOAD',
  'onmouseover',
  'style',
  'class',
  'id',
  'srcdoc',
  'formaction',
  'xlink:href',
];
const VALUES = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox(1)',
  'https://www.osce.org/',
  'mailto:info@osce.org',
  'http://example.org/a b',
  'alert(1)',
  'x" onmouseover="alert(1)',
  "'><script>alert(1)</script>",
  'expression(alert(1))',
];

const attribute = fc.tuple(
  fc.constantFrom(...ATTRIBUTES),
  fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 })),
  fc.constantFrom('"', "'", ''),
);
const text = fc.oneof(
  fc.constantFrom('Arrivals rose', '<', '>', '&amp;', '&lt;script&gt;', '"', 'onclick=', '<!-- c -->', '<![CDATA[x]]>', '</'),
  fc.string({ maxLength: 8 }),
);

const html: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('element')),
  element: fc
    .tuple(fc.constantFrom(...TAGS), fc.array(attribute, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 4 }), fc.boolean())
    .map(([tag, attrs, children, close]) => {
      const rendered = attrs.map(([name, value, quote]) => ` ${name}=${quote}${value}${quote}`).join('');
      return `<${tag}${rendered}>${(children as string[]).join('')}${close ? `</${tag}>` : ''}`;
    }),
})).node as fc.Arbitrary<string>;

/** Every element and attribute of a piece of HTML, as a browser-grade parser reads it. */
function parse(markup: string) {
  const elements: Array<{ name: string; attributes: Record<string, string> }> = [];
  const parser = new Parser({ onopentag: (name, attributes) => elements.push({ name, attributes }) }, { decodeEntities: true });
  parser.write(markup);
  parser.end();
  return elements;
}

describe('the rich-text sanitiser', () => {
  it('never lets a script, an event handler, a javascript: link, style, iframe or object through', () => {
    fc.assert(
      fc.property(
        fc.array(html, { maxLength: 4 }).map((parts) => parts.join('')),
        (input) => {
          const output = sanitiseHtml(input);
          expect(output.toLowerCase()).not.toMatch(/<script|<style|<iframe|<object|<embed|<svg|<img/);
          for (const element of parse(output)) {
            expect(['p', 'br', 'strong', 'em', 'u', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote', 'a']).toContain(element.name);
            for (const [name, value] of Object.entries(element.attributes)) {
              expect(name).not.toMatch(/^on/i);
              expect(['href', 'rel']).toContain(name);
              if (name === 'href') expect(value).toMatch(/^(https?:|mailto:)/i);
            }
          }
          // Sanitising is idempotent: what it lets through is already safe.
          expect(sanitiseHtml(output)).toBe(output);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('stores what reads back unchanged, even from list items opened inside each other', () => {
    // Found by the property above: the parser closes an <li> opened inside another when it reads it back.
    const once = sanitiseHtml('<p><p><li><A</p><li>');
    expect(sanitiseHtml(once)).toBe(once);
    expect(once).not.toContain('<li><li>');
  });

  it('keeps the formatting a report may carry', () => {
    const allowed =
      '<h3>Findings</h3><p>Arrivals <strong>doubled</strong>, <em>mostly</em> <u>families</u>.<br>See <a href="https://www.osce.org/">OSCE</a>.</p><ul><li>One</li></ul><ol><li>Two</li></ol><blockquote>Quoted</blockquote><h4>Sub</h4>';
    expect(sanitiseHtml(allowed)).toBe(
      allowed.replace('href="https://www.osce.org/"', 'href="https://www.osce.org/" rel="noopener noreferrer"'),
    );
    expect(sanitiseHtml('<p style="color:red" class="x" onclick="go()">Text</p>')).toBe('<p>Text</p>');
    expect(sanitiseHtml('<div>Loose <span>text</span></div><script>alert(1)</script>')).toBe('Loose text');
    expect(sanitiseHtml('<a href="java&#x09;script:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitiseHtml('<p>Unclosed <strong>bold')).toBe('<p>Unclosed <strong>bold</strong></p>');
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (plain) => {
        const safe = plain.replace(/[<>&]/g, '');
        expect(sanitiseHtml(`<p><strong>${safe}</strong></p>`)).toBe(`<p><strong>${safe}</strong></p>`);
      }),
    );
  });

  it('reads paragraphs as text for the PDF and the diff', () => {
    expect(htmlToParagraphs('<p>One &amp; two</p><ul><li>three</li><li>four</li></ul>five')).toEqual([
      'One & two',
      'three',
      'four',
      'five',
    ]);
  });
});

describe('the word diff', () => {
  it('rebuilds both texts from its parts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (a, b) => {
        const parts = wordDiff(a, b);
        expect(
          parts
            .filter((p) => p.kind !== 'added')
            .map((p) => p.text)
            .join(''),
        ).toBe(a);
        expect(
          parts
            .filter((p) => p.kind !== 'removed')
            .map((p) => p.text)
            .join(''),
        ).toBe(b);
      }),
    );
    expect(wordDiff('the mission found', 'the team found')).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: 'mission' },
      { kind: 'added', text: 'team' },
      { kind: 'same', text: ' found' },
    ]);
  });
});
