import type { Rng } from './random';

// Synthetic names, Khmer order (family name first). Combinations are random: any match
// with a real person is a coincidence.

const FAMILY = [
  'Sok', 'Chan', 'Heng', 'Keo', 'Meas', 'Ly', 'Pich', 'Ouk', 'Nhem', 'Sar', 'Phan', 'Touch', 'Prak', 'Chea',
  'Kim', 'Seng', 'Mao', 'Sam', 'Long', 'Vann', 'Yin', 'Nuon', 'Sim', 'Tep', 'Hem', 'Chhim', 'Phal', 'Sorn',
  'Khim', 'Lim', 'Eng', 'Pov', 'Nov', 'Thach', 'Yem', 'Chum', 'Kong', 'Ros', 'Soeun', 'Choeun',
] as const;

const GIVEN_FEMALE = [
  'Sreymom', 'Sophea', 'Chanthy', 'Sokha', 'Bopha', 'Kanha', 'Malis', 'Sreyleak', 'Sreynich', 'Channary',
  'Leakena', 'Pisey', 'Rachana', 'Sothea', 'Thida', 'Navy', 'Raksmey', 'Sreypov', 'Kunthea', 'Vanny',
  'Sokunthea', 'Dalin', 'Monyrath', 'Sophorn', 'Chenda', 'Sreyroth', 'Lida', 'Nary', 'Phalla', 'Srey Oun',
] as const;

const GIVEN_MALE = [
  'Vuthy', 'Dara', 'Rithy', 'Sophal', 'Visal', 'Piseth', 'Kosal', 'Vannak', 'Samnang', 'Bunthoeun',
  'Sovann', 'Ratha', 'Sambath', 'Veasna', 'Makara', 'Virak', 'Chamroeun', 'Sokhom', 'Rotha', 'Bunna',
  'Sopheak', 'Pheakdey', 'Mony', 'Vibol', 'Narith', 'Phearun', 'Seyha', 'Sothy', 'Kimhong', 'Thearith',
] as const;

const FOREIGN_GIVEN = ['James', 'Daniel', 'Michael', 'Pierre', 'Thomas', 'Mark', 'Peter', 'Wei', 'Hans', 'Robert'] as const;
const FOREIGN_FAMILY = ['Harlow', 'Bennett', 'Moreau', 'Keller', 'Whitfield', 'Lindqvist', 'Carver', 'Zhang', 'Novak', 'Ashdown'] as const;
const FOREIGN_NATIONALITIES = ['Australian', 'American', 'British', 'French', 'German', 'Chinese', 'Korean'] as const;

export function khmerName(rng: Rng, sex: 'female' | 'male' | 'unknown'): string {
  const given = sex === 'female' ? GIVEN_FEMALE : sex === 'male' ? GIVEN_MALE : rng.chance(0.5) ? GIVEN_FEMALE : GIVEN_MALE;
  return `${rng.pick(FAMILY)} ${rng.pick(given)}`;
}

export function foreignPerson(rng: Rng): { name: string; nationality: string } {
  return { name: `${rng.pick(FOREIGN_GIVEN)} ${rng.pick(FOREIGN_FAMILY)}`, nationality: rng.pick(FOREIGN_NATIONALITIES) };
}

const ALIASES = ['Ta', 'Pu', 'Bong', 'Lok', 'Chek'] as const;

export function alias(rng: Rng, name: string): string {
  return `${rng.pick(ALIASES)} ${name.split(' ')[1] ?? name}`;
}

export function phone(rng: Rng): string {
  const prefix = rng.pick(['012', '015', '016', '017', '070', '077', '081', '085', '089', '093', '097', '098']);
  return `${prefix} ${rng.int(100, 999)} ${rng.int(100, 999)}`;
}
