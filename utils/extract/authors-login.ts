/**
 * A CMS login in JSON-LD's author ("jana.klein") spells a person's name; a host name ("nu.nl",
 * the page's own "example.org") does not.
 */
import type { ExtractionContext } from './context';

/** Last parts of a host name ("nu.nl", "spiegel.de"): no surname. */
const DOMAIN_ENDINGS = new Set(
  (
    'nl de com org net info be at ch eu uk fr io co gov edu int biz ' +
    'dk se no fi es it pl lu ie cz us ca au news online blog'
  ).split(' '),
);

/** A CMS login in the author's place ("jana.klein"): the person's name it spells ("Jana Klein"). */
export function loginName(ctx: ExtractionContext, name: string): string {
  const login = /^(\p{Ll}{2,})\.(\p{Ll}{2,})$/u.exec(name.trim());
  if (!login || DOMAIN_ENDINGS.has(login[2]) || isOwnHost(ctx.url, login[0])) return name;
  return login
    .slice(1)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ');
}

/** "example.org" is the page's host or the end of it ("www.example.org"). */
function isOwnHost(url: string, name: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === name || host.endsWith(`.${name}`);
  } catch {
    return false;
  }
}
