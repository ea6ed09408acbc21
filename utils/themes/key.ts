/** The key a name is compared by: accents, case and spacing do not make two themes or publishers. */
const MARKS = /[\u0300-\u036f]/g;

export function nameKey(name: string): string {
  if (typeof name !== 'string') return '';
  return name.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
