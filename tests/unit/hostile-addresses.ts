/**
 * Addresses a hostile page or file may give, shared by the property tests of the sanitiser and of
 * the exports: script-running schemes in any letter case, behind invisible or control characters.
 */
import fc from 'fast-check';

function randomCase(word: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((flags) => [...word].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join(''));
}

const leading = fc
  .array(fc.constantFrom(' ', '\t', '\n', '\r', '\u0000', '\u001F', '\u00A0', '\u202E', '\uFEFF'), {
    maxLength: 4,
  })
  .map((a) => a.join(''));

const SCHEME_ATTACKS: Array<[scheme: string, rest: string[]]> = [
  ['javascript', [':alert(1)', ':void(0)', ':/* */alert(document.cookie)']],
  ['data', [':text/html,<script>alert(1)</script>', ':text/html;base64,PHNjcmlwdD4=']],
  ['vbscript', [':msgbox(1)']],
  ['file', [':///etc/passwd', '://c:/windows']],
];

/** `javascript:`, `data:`, `vbscript:` and `file:` addresses, in any case, with junk in front. */
export const schemeAttack: fc.Arbitrary<string> = fc.oneof(
  ...SCHEME_ATTACKS.map(([scheme, rest]) =>
    fc.tuple(leading, randomCase(scheme), fc.constantFrom(...rest)).map((p) => p.join('')),
  ),
);
