// What the demonstration roster is drawn from: names, languages, structure types, and a seeded generator.
/** A small deterministic random generator (mulberry32), so the demonstration data is the same on every run. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    sample: <T>(items: readonly T[], n: number): T[] => {
      const copy = [...items];
      const out: T[] = [];
      while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
      return out;
    },
  };
}

export const FIRST_F = [
  'Anna',
  'Maria',
  'Elena',
  'Sofia',
  'Ingrid',
  'Aigerim',
  'Nino',
  'Lucia',
  'Camille',
  'Olena',
  'Ayse',
  'Jelena',
  'Katarzyna',
  'Mirela',
  'Sara',
  'Hanna',
  'Laura',
  'Gulnara',
  'Ana',
  'Eva',
];
export const FIRST_M = [
  'Andreas',
  'Marco',
  'Jonas',
  'Pierre',
  'Dmitri',
  'Arman',
  'Giorgi',
  'Luis',
  'Tomas',
  'Mehmet',
  'Nikola',
  'Piotr',
  'Erik',
  'Bakhtiyor',
  'Hugo',
  'Stefan',
  'Aram',
  'Ivan',
  'Lars',
  'Daniel',
];
export const LAST = [
  'Novak',
  'Rossi',
  'Müller',
  'Dubois',
  'Petrov',
  'Nazarbayeva',
  'Beridze',
  'García',
  'Horvat',
  'Yılmaz',
  'Kowalski',
  'Andersen',
  'Popescu',
  'Papadopoulos',
  'Hoxha',
  'Ivanova',
  'Karimov',
  'Sargsyan',
  'Aliyev',
  'Smith',
  'Kovač',
  'Lindqvist',
  'Moreau',
  'Bianchi',
  'Schmidt',
  'Shevchenko',
  'Toleubayev',
  'Mammadova',
  'Nielsen',
  'Costa',
];
export const DEMO_LANGUAGES = [
  'fr',
  'de',
  'ru',
  'it',
  'es',
  'el',
  'tr',
  'ar',
  'fa',
  'sr',
  'sq',
  'mk',
  'uk',
  'hu',
  'ro',
  'bs',
  'ky',
  'kk',
  'uz',
  'tg',
  'hy',
  'az',
  'ka',
];
export const CEFR = ['A2', 'B1', 'B2', 'C1', 'C2'];
export const OSCE_TYPES = [
  'secretariat_department',
  'institution',
  'field_operation',
  'training_institution',
  'parliamentary_assembly',
];
