import { OFFENCE_TYPES } from '../reference/lists';
import { GEOGRAPHY, KHMER_SCRIPT_PROVINCE } from './geography';
import type { DemoDataset } from './types';

// The synthetic names of names.ts in Khmer script. Several spellings exist for most of
// them; these are common ones.
const KHMER: Record<string, string> = {
  Sok: 'សុខ', Chan: 'ចាន់', Heng: 'ហេង', Keo: 'កែវ', Meas: 'មាស', Ly: 'លី', Pich: 'ពេជ្រ', Ouk: 'អ៊ុក', Nhem: 'ញឹម',
  Sar: 'ស', Phan: 'ផាន់', Touch: 'ទូច', Prak: 'ប្រាក់', Chea: 'ជា', Kim: 'គីម', Seng: 'សេង', Mao: 'ម៉ៅ', Sam: 'សំ',
  Long: 'ឡុង', Vann: 'វ៉ាន់', Yin: 'យិន', Nuon: 'នួន', Sim: 'ស៊ឹម', Tep: 'ទេព', Hem: 'ហែម', Chhim: 'ឈឹម', Phal: 'ផល',
  Sorn: 'សន', Khim: 'ឃីម', Lim: 'លឹម', Eng: 'អេង', Pov: 'ពៅ', Nov: 'នូវ', Thach: 'ថាច់', Yem: 'យ៉ែម', Chum: 'ជុំ',
  Kong: 'គង់', Ros: 'រស់', Soeun: 'សឿន', Choeun: 'ជឿន',
  Sreymom: 'ស្រីមុំ', Sophea: 'សុភា', Chanthy: 'ចន្ធី', Sokha: 'សុខា', Bopha: 'បុប្ផា', Kanha: 'កញ្ញា', Malis: 'ម្លិះ',
  Sreyleak: 'ស្រីល័ក្ខ', Sreynich: 'ស្រីនិច', Channary: 'ចន្ទនារី', Leakena: 'លក្ខិណា', Pisey: 'ពិសី', Rachana: 'រចនា',
  Sothea: 'សុធា', Thida: 'ធីតា', Navy: 'ណាវី', Raksmey: 'រស្មី', Sreypov: 'ស្រីពៅ', Kunthea: 'គន្ធា', Vanny: 'វណ្ណី',
  Sokunthea: 'សុគន្ធា', Dalin: 'ដាលីន', Monyrath: 'មុន្នីរ័ត្ន', Sophorn: 'សុផន', Chenda: 'ចិន្តា', Sreyroth: 'ស្រីរ័ត្ន',
  Lida: 'លីដា', Nary: 'នារី', Phalla: 'ផល្លា', 'Srey Oun': 'ស្រីអូន',
  Vuthy: 'វុទ្ធី', Dara: 'តារា', Rithy: 'ឫទ្ធី', Sophal: 'សុផល', Visal: 'វិសាល', Piseth: 'ពិសិដ្ឋ', Kosal: 'កុសល',
  Vannak: 'វណ្ណៈ', Samnang: 'សំណាង', Bunthoeun: 'ប៊ុនធឿន', Sovann: 'សុវណ្ណ', Ratha: 'រដ្ឋា', Sambath: 'សម្បត្តិ',
  Veasna: 'វាសនា', Makara: 'មករា', Virak: 'វីរៈ', Chamroeun: 'ចំរើន', Sokhom: 'សុខុម', Rotha: 'រ័ត្នថា', Bunna: 'ប៊ុនណា',
  Sopheak: 'សុភ័ក្ត្រ', Pheakdey: 'ភក្ដី', Mony: 'មុន្នី', Vibol: 'វិបុល', Narith: 'ណារិទ្ធ', Phearun: 'ភារុណ',
  Seyha: 'សីហា', Sothy: 'សុធី', Kimhong: 'គីមហុង', Thearith: 'ធារិទ្ធ',
  Ta: 'តា', Pu: 'ពូ', Bong: 'បង', Lok: 'លោក', Chek: 'ចេក',
};

// Longest first, so "Srey Oun" is one name and not "Srey" and "Oun".
const PATTERN = new RegExp(`\\b(${Object.keys(KHMER).sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');

/** A Khmer name in Khmer script; words it does not know (a foreigner's name) stay as they are. */
export function inKhmerScript(name: string): string {
  return name.replace(PATTERN, (word) => KHMER[word] ?? word);
}

const OFFENCE_KM = new Map<string, string>(OFFENCE_TYPES.map((o) => [o.code, o.labelKm]));
const CHILD_KM = { female: 'ក្មេងស្រី', male: 'ក្មេងប្រុស', unknown: 'កុមារ' } as const;
const khmerDigits = (n: number) => new Intl.NumberFormat('km-KH-u-nu-khmr', { useGrouping: false }).format(n);

/** "រំលោភសេពសន្ថវៈលើក្មេងស្រីអាយុ ៧ ឆ្នាំ នៅខេត្តកំពង់ឆ្នាំង": the title a Khmer investigator would write. */
export function khmerTitle(offence: string, victims: readonly { sex: keyof typeof CHILD_KM; ageAtOffence: number }[], provinceKm: string): string {
  const [first] = victims;
  const who = !first ? CHILD_KM.unknown
    : victims.length === 1 ? `${CHILD_KM[first.sex]}អាយុ ${khmerDigits(first.ageAtOffence)} ឆ្នាំ`
    : `${victims.every((v) => v.sex === first.sex) ? CHILD_KM[first.sex] : CHILD_KM.unknown} ${khmerDigits(victims.length)} នាក់`;
  return `${OFFENCE_KM.get(offence) ?? ''}លើ${who} នៅខេត្ត${provinceKm}`;
}

/**
 * Writes the titles and people of the Khmer-script province's cases in Khmer script. Runs after every
 * random draw, so the rest of the dataset (and every published figure) is unchanged.
 */
export function writeKhmerScriptCases(out: DemoDataset): void {
  const cases = new Set(out.offenceLocations.filter((l) => l.provinceCode === KHMER_SCRIPT_PROVINCE).map((l) => l.investigationId));
  const write = (s: string | null | undefined) => (s ? inKhmerScript(s) : s);
  const provinceKm = GEOGRAPHY.find((p) => p.code === KHMER_SCRIPT_PROVINCE)!.nameKm;
  for (const c of out.investigations) {
    if (cases.has(c.id)) c.title = khmerTitle(c.offenceType, out.victims.filter((v) => v.investigationId === c.id), provinceKm);
  }
  for (const v of out.victims) if (cases.has(v.investigationId)) v.fullName = write(v.fullName);
  for (const s of out.suspects) {
    if (!cases.has(s.investigationId)) continue;
    s.fullName = write(s.fullName);
    s.alias = write(s.alias);
  }
}
