/**
 * Policy themes in Dutch and English: the names publishers use for the same subject, so search
 * finds "Geopolitics" for "geopolitiek" and the library can offer to merge the two. Data only;
 * each row is one subject, Dutch first. Matching is on the folded name (accents and case aside).
 */
import { nameKey } from './key';

const GROUPS: readonly (readonly string[])[] = [
  ['Geopolitiek', 'Geopolitics'],
  ['Democratie', 'Democracy'],
  ['Bestuur', 'Governance'],
  ['Openbaar bestuur', 'Public administration'],
  ['Overheid', 'Government'],
  ['Rechtsstaat', 'Rule of law'],
  ['Verkiezingen', 'Elections'],
  ['Participatie', 'Participation'],
  ['Burgerschap', 'Citizenship'],
  ['Vertrouwen', 'Trust'],
  ['Polarisatie', 'Polarisation', 'Polarization'],
  ['Desinformatie', 'Disinformation'],
  ['Klimaat', 'Climate'],
  ['Energie', 'Energy'],
  ['Klimaat en energie', 'Climate and energy'],
  ['Energietransitie', 'Energy transition'],
  ['Duurzaamheid', 'Sustainability'],
  ['Circulaire economie', 'Circular economy'],
  ['Natuur', 'Nature'],
  ['Landbouw', 'Agriculture'],
  ['Stikstof', 'Nitrogen'],
  ['Ruimtelijke ordening', 'Spatial planning'],
  ['Wonen', 'Housing'],
  ['Mobiliteit', 'Mobility'],
  ['Infrastructuur', 'Infrastructure'],
  ['Digitalisering', 'Digitalisation', 'Digitalization'],
  ['Technologie', 'Technology'],
  ['Kunstmatige intelligentie', 'Artificial intelligence', 'AI'],
  ['Cyberveiligheid', 'Cybersecurity', 'Cyber security'],
  ['Innovatie', 'Innovation'],
  ['Wetenschap', 'Science'],
  ['Veiligheid', 'Security'],
  ['Defensie', 'Defence', 'Defense'],
  ['Terrorisme', 'Terrorism'],
  ['Criminaliteit', 'Crime'],
  ['Justitie', 'Justice'],
  ['Mensenrechten', 'Human rights'],
  ['Migratie', 'Migration'],
  ['Integratie', 'Integration'],
  ['Economie', 'Economy', 'Economics'],
  ['Handel', 'Trade'],
  ['Financiën', 'Finance'],
  ['Belastingen', 'Taxation', 'Tax'],
  ['Overheidsfinanciën', 'Public finance'],
  ['Arbeidsmarkt', 'Labour market', 'Labor market'],
  ['Werk', 'Work'],
  ['Pensioenen', 'Pensions'],
  ['Sociale zekerheid', 'Social security'],
  ['Armoede', 'Poverty'],
  ['Ongelijkheid', 'Inequality'],
  ['Onderwijs', 'Education'],
  ['Zorg', 'Health care', 'Healthcare'],
  ['Gezondheid', 'Health'],
  ['Jeugd', 'Youth'],
  ['Cultuur', 'Culture'],
  ['Samenleving', 'Society'],
  ['Europa', 'Europe'],
  ['Europese Unie', 'European Union', 'EU'],
  ['Internationale betrekkingen', 'International relations'],
  ['Diplomatie', 'Diplomacy'],
  ['Ontwikkelingssamenwerking', 'Development cooperation'],
  ['Rusland', 'Russia'],
  ['Oekraïne', 'Ukraine'],
  ['Verenigde Staten', 'United States'],
  ['Midden-Oosten', 'Middle East'],
  ['Afrika', 'Africa'],
];

let byKey: Map<string, readonly string[]> | undefined;

/** The other names of a theme's subject (in either language), without the theme itself. */
export function equivalentThemes(theme: string): string[] {
  byKey ??= new Map(GROUPS.flatMap((group) => group.map((name) => [nameKey(name), group] as const)));
  const key = nameKey(theme);
  const group = byKey.get(key);
  return group ? group.filter((name) => nameKey(name) !== key) : [];
}
