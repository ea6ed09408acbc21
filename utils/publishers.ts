/**
 * The policy publishers Leesmap runs on by default, as data. These hosts become the manifest's
 * `host_permissions` and the content script's `matches`; every other site only after the reader
 * opts in ("detect on all sites"). A host covers its subdomains (www., english., read. ...).
 */
export interface Publisher {
  /** The name a reader knows the publisher by; the extractor may use it as `publisher`. */
  name: string;
  /** Registrable hostnames, lower case, without `www.`. */
  hosts: string[];
}

export const PUBLISHERS: readonly Publisher[] = [
  // Dutch government advisory councils, planning bureaus and institutes.
  { name: 'NSOB', hosts: ['nsob.nl'] },
  { name: 'WRR', hosts: ['wrr.nl'] },
  { name: 'Rathenau Instituut', hosts: ['rathenau.nl'] },
  { name: 'Raad voor het Openbaar Bestuur', hosts: ['raadopenbaarbestuur.nl'] },
  { name: 'Sociaal en Cultureel Planbureau', hosts: ['scp.nl'] },
  { name: 'CPB Centraal Planbureau', hosts: ['cpb.nl'] },
  { name: 'Planbureau voor de Leefomgeving', hosts: ['pbl.nl'] },
  { name: 'Clingendael', hosts: ['clingendael.org'] },
  { name: 'Adviesraad Internationale Vraagstukken', hosts: ['adviesraadinternationalevraagstukken.nl'] },
  { name: 'Raad van State', hosts: ['raadvanstate.nl'] },
  { name: 'Algemene Rekenkamer', hosts: ['rekenkamer.nl'] },
  { name: 'Rijksoverheid', hosts: ['rijksoverheid.nl', 'government.nl'] },
  { name: 'KNAW', hosts: ['knaw.nl'] },
  { name: 'Raad voor de leefomgeving en infrastructuur', hosts: ['rli.nl'] },
  { name: 'Raad voor Volksgezondheid & Samenleving', hosts: ['raadrvs.nl'] },
  { name: 'Onderwijsraad', hosts: ['onderwijsraad.nl'] },
  { name: 'Adviesraad Migratie', hosts: ['adviesraadmigratie.nl'] },
  { name: 'Sociaal-Economische Raad', hosts: ['ser.nl'] },
  { name: 'Kennisinstituut voor Mobiliteitsbeleid', hosts: ['kimnet.nl'] },
  { name: 'Centraal Bureau voor de Statistiek', hosts: ['cbs.nl'] },
  { name: 'Nationale ombudsman', hosts: ['nationaleombudsman.nl'] },
  { name: 'Montesquieu Instituut', hosts: ['montesquieu-instituut.nl'] },
  { name: 'Verwey-Jonker Instituut', hosts: ['verwey-jonker.nl'] },
  { name: 'Platform31', hosts: ['platform31.nl'] },
  // International and English-language think tanks.
  { name: 'Brookings', hosts: ['brookings.edu'] },
  { name: 'RAND', hosts: ['rand.org'] },
  { name: 'Chatham House', hosts: ['chathamhouse.org'] },
  { name: 'OECD', hosts: ['oecd.org', 'oecd-ilibrary.org'] },
  { name: 'Bruegel', hosts: ['bruegel.org'] },
  { name: 'CEPS', hosts: ['ceps.eu'] },
  { name: 'European Policy Centre', hosts: ['epc.eu'] },
  { name: 'IPPR', hosts: ['ippr.org'] },
  { name: 'Institute for Government', hosts: ['instituteforgovernment.org.uk'] },
  { name: 'Urban Institute', hosts: ['urban.org'] },
  { name: 'Pew Research Center', hosts: ['pewresearch.org'] },
  { name: 'Carnegie Endowment for International Peace', hosts: ['carnegieendowment.org'] },
  { name: 'CSIS', hosts: ['csis.org'] },
  { name: 'Council on Foreign Relations', hosts: ['cfr.org'] },
  { name: 'European Council on Foreign Relations', hosts: ['ecfr.eu'] },
  { name: 'Centre for European Reform', hosts: ['cer.eu'] },
  { name: 'Resolution Foundation', hosts: ['resolutionfoundation.org'] },
  { name: 'Institute for Fiscal Studies', hosts: ['ifs.org.uk'] },
  { name: 'The King’s Fund', hosts: ['kingsfund.org.uk'] },
  { name: 'Nuffield Trust', hosts: ['nuffieldtrust.org.uk'] },
  { name: 'Joseph Rowntree Foundation', hosts: ['jrf.org.uk'] },
  { name: 'Ada Lovelace Institute', hosts: ['adalovelaceinstitute.org'] },
  { name: 'Nesta', hosts: ['nesta.org.uk'] },
  { name: 'Jacques Delors Institute', hosts: ['institutdelors.eu'] },
  { name: 'Stiftung Wissenschaft und Politik', hosts: ['swp-berlin.org'] },
  { name: 'Bertelsmann Stiftung', hosts: ['bertelsmann-stiftung.de'] },
  { name: 'Egmont Institute', hosts: ['egmontinstitute.be'] },
  { name: 'SIPRI', hosts: ['sipri.org'] },
  { name: 'RUSI', hosts: ['rusi.org'] },
  { name: 'Peterson Institute for International Economics', hosts: ['piie.com'] },
];

/**
 * Chrome/Firefox match patterns for every publisher host: the apex and any subdomain, over https
 * only. A page served over plain http may have been written by anyone on the network path, so
 * Leesmap reads such pages only where the reader opts in ("detect on all sites") or asks (a save).
 */
export const PUBLISHER_MATCH_PATTERNS: string[] = PUBLISHERS.flatMap((publisher) =>
  publisher.hosts.flatMap((host) => [`https://${host}/*`, `https://*.${host}/*`]),
);

/**
 * The publisher a hostname belongs to (`www.wrr.nl` → WRR), or undefined for other sites.
 * Accepts a bare host or host:port; the most specific (longest) matching host wins.
 */
export function publisherForHost(host: string): Publisher | undefined {
  const hostname = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  if (!hostname) return undefined;
  let best: Publisher | undefined;
  let bestLength = 0;
  for (const publisher of PUBLISHERS) {
    for (const candidate of publisher.hosts) {
      const matches = hostname === candidate || hostname.endsWith(`.${candidate}`);
      if (matches && candidate.length > bestLength) {
        best = publisher;
        bestLength = candidate.length;
      }
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Display names (utils/publisher-names.ts): one canonical name per publisher with its acronym, and
// the other spellings pages use for it, so "CPB", "CPB Centraal Planbureau" and "Centraal
// Planbureau" show as one publisher. Readers may override any of them in the library.

export interface PublisherDisplayName {
  /** The full name, as the publisher writes it. */
  name: string;
  acronym?: string;
  /** Other names pages give (the acronym and the name alone are matched anyway). */
  variants?: string[];
}

export const PUBLISHER_DISPLAY_NAMES: readonly PublisherDisplayName[] = [
  { name: 'Nederlandse School voor Openbaar Bestuur', acronym: 'NSOB' },
  { name: 'Wetenschappelijke Raad voor het Regeringsbeleid', acronym: 'WRR' },
  { name: 'Centraal Planbureau', acronym: 'CPB', variants: ['CPB Centraal Planbureau'] },
  { name: 'Sociaal en Cultureel Planbureau', acronym: 'SCP' },
  {
    name: 'Planbureau voor de Leefomgeving',
    acronym: 'PBL',
    variants: ['PBL Planbureau voor de Leefomgeving', 'Netherlands Environmental Assessment Agency'],
  },
  {
    name: 'Adviesraad Internationale Vraagstukken',
    acronym: 'AIV',
    variants: ['Advisory Council on International Affairs'],
  },
  { name: 'Raad voor het Openbaar Bestuur', acronym: 'ROB' },
  { name: 'Raad voor de leefomgeving en infrastructuur', acronym: 'Rli' },
  { name: 'Raad voor Volksgezondheid & Samenleving', acronym: 'RVS' },
  { name: 'Sociaal-Economische Raad', acronym: 'SER' },
  { name: 'Kennisinstituut voor Mobiliteitsbeleid', acronym: 'KiM' },
  { name: 'Centraal Bureau voor de Statistiek', acronym: 'CBS', variants: ['Statistics Netherlands'] },
  { name: 'Koninklijke Nederlandse Akademie van Wetenschappen', acronym: 'KNAW' },
  {
    name: 'Instituut Clingendael',
    variants: ['Clingendael', 'Netherlands Institute of International Relations Clingendael'],
  },
  { name: 'Brookings Institution', variants: ['Brookings', 'The Brookings Institution'] },
  { name: 'RAND Corporation', acronym: 'RAND' },
  { name: 'Chatham House', variants: ['The Royal Institute of International Affairs'] },
  { name: 'Organisation for Economic Co-operation and Development', acronym: 'OECD' },
  { name: 'Centre for European Policy Studies', acronym: 'CEPS' },
  { name: 'European Policy Centre', acronym: 'EPC' },
  { name: 'Institute for Public Policy Research', acronym: 'IPPR' },
  { name: 'Center for Strategic and International Studies', acronym: 'CSIS' },
  { name: 'Council on Foreign Relations', acronym: 'CFR' },
  { name: 'European Council on Foreign Relations', acronym: 'ECFR' },
  { name: 'Centre for European Reform', acronym: 'CER' },
  { name: 'Institute for Fiscal Studies', acronym: 'IFS' },
  { name: 'Stiftung Wissenschaft und Politik', acronym: 'SWP' },
  { name: 'Stockholm International Peace Research Institute', acronym: 'SIPRI' },
  { name: 'Royal United Services Institute', acronym: 'RUSI' },
  { name: 'Peterson Institute for International Economics', acronym: 'PIIE' },
];
